import type { Contact, ContactSummary } from '@nestwerk/contract';
import { describe, expect, it } from 'vitest';
import { carryOver, carryOverSources, isCarried, withCarryOver } from './carry-over.ts';
import { emptyForm } from './form.ts';

const at = '2026-01-10T09:00:00.000Z';
const summary = (id: string, childId: string, date: string, status: 'draft' | 'final'): ContactSummary => ({
  id,
  childId,
  type: 'consult',
  date,
  status,
  professional: { id: 'u1', displayName: null },
  childAgeMonths: 3,
  gestationWeeks: null,
  suggestedBand: 'safe',
  agreedBand: 'safe',
  agreedBandNotDiscussed: false,
});
const contact = (date: string, extra: Partial<Contact>): Contact => ({
  id: 'c',
  familyId: 'f',
  childId: 'k1',
  professional: { id: 'u1', displayName: null },
  type: 'consult',
  date,
  status: 'final',
  childAgeMonths: 3,
  gestationWeeks: null,
  cues: { shared_enjoyment: true },
  factors: {},
  criteria: {},
  parentFactors: {},
  agreedBand: 'safe',
  agreedBandNotDiscussed: false,
  agreedNote: null,
  agreement: null,
  notes: null,
  createdAt: at,
  updatedAt: at,
  version: 1,
  ...extra,
});

describe('carrying stable factors over to a new contact', () => {
  it('takes the latest finished contact of the family and of the child, never a draft', () => {
    const contacts = [
      summary('a', 'k1', '2026-01-10', 'final'),
      summary('b', 'k2', '2026-02-01', 'final'),
      summary('c', 'k1', '2026-02-20', 'draft'),
    ];
    expect(carryOverSources(contacts, 'k1')).toEqual({ family: 'b', child: 'a' });
  });

  it('carries stable factors only, child facts only from the same child, parent facts of current caregivers', () => {
    const family = contact('2026-02-01', {
      factors: {
        previous_child_died: { value: 'present', reportedBy: 'parent', recordedAt: at },
        parent_stress: { value: 'present', reportedBy: 'parent', recordedAt: at },
        preterm_birth: { value: 'present', reportedBy: 'parent', recordedAt: at },
        refugee_family: { value: 'unknown', reportedBy: 'parent', recordedAt: at },
      },
      parentFactors: {
        p1: {
          parent_adverse_childhood_experiences: { value: 'present', reportedBy: 'parent', recordedAt: at },
        },
        gone: { completed_education: { value: 'absent', reportedBy: 'parent', recordedAt: at } },
      },
    });
    const child = contact('2026-01-10', {
      factors: { term_birth: { value: 'present', reportedBy: 'professional', recordedAt: at } },
    });
    const carry = carryOver(family, child, ['p1']);
    expect(carry).toEqual({
      date: '2026-02-01',
      factors: {
        previous_child_died: { value: 'present', reportedBy: 'parent' },
        term_birth: { value: 'present', reportedBy: 'professional' },
      },
      parentFactors: {
        p1: { parent_adverse_childhood_experiences: { value: 'present', reportedBy: 'parent' } },
      },
    });
    const form = withCarryOver(emptyForm(undefined, '2026-03-01'), carry);
    expect(isCarried(carry, '', 'term_birth', form.factors.term_birth)).toBe(true);
    // Changed by the nurse: no longer "carried over".
    expect(isCarried(carry, '', 'term_birth', { value: 'absent', reportedBy: 'professional' })).toBe(false);
    expect(
      isCarried(
        carry,
        'p1',
        'parent_adverse_childhood_experiences',
        form.parentFactors.p1?.parent_adverse_childhood_experiences,
      ),
    ).toBe(true);
  });

  it('offers nothing when nothing stable was recorded', () => {
    expect(carryOver(contact('2026-02-01', {}), null, [])).toBeNull();
  });
});
