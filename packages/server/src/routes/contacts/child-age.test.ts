import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../../repositories/persons.ts';
import { ageAtContact, completedMonths, gestationWeeksOn } from './child-age.ts';

const child = (over: Partial<PersonRow>): PersonRow => ({
  id: 'c',
  family_id: 'f',
  kind: 'child',
  given_name: 'Noor',
  family_name: 'Jansen',
  birth_date: null,
  due_date: null,
  first_child: 1,
  caregiver_role: null,
  birth_year: null,
  low_education: null,
  phone: null,
  created_at: '',
  updated_at: '',
  version: 1,
  ...over,
});

describe('child age at a contact', () => {
  it.each([
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-31', '2025-03-01', 1],
    ['2025-01-15', '2025-02-15', 1],
    ['2025-01-15', '2025-02-14', 0],
    ['2024-02-29', '2025-02-28', 11],
    ['2024-02-29', '2025-03-01', 12],
    ['2020-06-01', '2026-06-01', 72],
  ])('born %s, seen %s: %i completed months', (birth, on, months) => {
    expect(completedMonths(birth, on)).toBe(months);
  });

  it('counts pregnancy weeks back from the due date (280 days)', () => {
    expect(gestationWeeksOn('2026-06-01', '2026-06-01')).toBe(40);
    expect(gestationWeeksOn('2026-06-01', '2026-05-31')).toBe(39);
    expect(gestationWeeksOn('2026-06-01', '2026-03-01')).toBe(26);
  });

  it('names the contact date when it does not fit the child', () => {
    expect(() => ageAtContact(child({ birth_date: '2025-05-01' }), '2025-04-30')).toThrow(/before the child/);
    expect(() => ageAtContact(child({ birth_date: '2000-01-01' }), '2026-03-01')).toThrow(/older than 18/);
    expect(() => ageAtContact(child({ due_date: '2026-12-01' }), '2026-03-01')).toThrow(/weeks/);
    expect(ageAtContact(child({ due_date: '2026-06-01' }), '2026-03-01')).toEqual({ gestationWeeks: 26 });
  });
});
