import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import type { PersonRow } from '../repositories/persons.ts';
import { buildAssessmentInput } from './assessment-input.ts';

const person = (over: Partial<PersonRow>): PersonRow => ({
  id: 'c',
  family_id: 'f',
  kind: 'child',
  given_name: 'Noor',
  family_name: 'Jansen',
  national_id_system: null,
  national_id_sealed: null,
  national_id_key: null,
  national_id_hint: null,
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

const mother = person({
  id: 'm',
  kind: 'caregiver',
  caregiver_role: 'mother',
  birth_year: 2006,
  low_education: 1,
});

function build(child: PersonRow, date: string, caregivers: PersonRow[] = []) {
  return buildAssessmentInput({
    region: 'nl',
    child,
    caregivers,
    contact: { date, cues: {}, factors: {}, criteria: {} },
  });
}

function fieldOf(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected an HttpError');
}

describe('the server builds the engine input from the file', () => {
  it('counts the child born on 29 February as 11 months on 28 February and 12 on 1 March', () => {
    const child = person({ birth_date: '2024-02-29' });
    expect(build(child, '2025-02-28').child).toEqual({ ageMonths: 11, firstChild: true });
    expect(build(child, '2025-03-01').child).toEqual({ ageMonths: 12, firstChild: true });
  });

  it('reads the caregivers from their rows', () => {
    const input = build(person({ birth_date: '2025-01-10' }), '2026-03-15', [mother]);
    expect(input.parents).toEqual([{ role: 'mother', ageYears: 20, lowEducation: true }]);
  });

  it('names the contact date when it does not fit the child (400 on `date`)', () => {
    expect(fieldOf(() => build(person({ birth_date: '2025-05-01' }), '2025-04-30'))).toMatchObject({
      field: 'date',
      message: expect.stringMatching(/before the child/),
    });
    expect(fieldOf(() => build(person({ birth_date: '2000-01-01' }), '2026-03-01'))).toMatchObject({
      field: 'date',
      message: expect.stringMatching(/older than 18/),
    });
    expect(fieldOf(() => build(person({ due_date: '2026-12-01' }), '2026-03-01'))).toMatchObject({
      field: 'date',
      message: expect.stringMatching(/weeks/),
    });
    expect(build(person({ due_date: '2026-06-01' }), '2026-03-01').child).toEqual({
      gestationWeeks: 26,
      firstChild: true,
    });
  });
});
