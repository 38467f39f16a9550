import { INSECURE_CUE_CODES, knowledge } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childAgeOn, parentAgeYears } from './age.ts';
import { assess } from './assess.ts';
import { addDays } from './calendar.ts';
import { assessmentInputForContact, type ContactRecord } from './contact.ts';

const insecure = Object.fromEntries(INSECURE_CUE_CODES.slice(0, 3).map((c) => [c, true]));

function contactOn(date: string, over: Partial<ContactRecord> = {}): ContactRecord {
  return {
    region: 'nl',
    date,
    child: { birthDate: '2024-02-29', firstChild: true },
    caregivers: [{ role: 'mother', birthYear: 2000, lowEducation: false }],
    cues: insecure,
    ...over,
  };
}

function inputFor(contact: ContactRecord) {
  const result = assessmentInputForContact(contact);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a child born on 29 February', () => {
  it('is 11 months on 28 February of the next year and 12 months on 1 March', () => {
    expect(inputFor(contactOn('2025-02-28')).child).toEqual({ ageMonths: 11, firstChild: true });
    expect(inputFor(contactOn('2025-03-01')).child).toEqual({ ageMonths: 12, firstChild: true });
  });

  it('with a problematic relationship suspected is offered the LSVG (from 12 months) only from 1 March', () => {
    const problematic = { ...insecure, interaction_full_of_tension: true };
    const before = assess(inputFor(contactOn('2025-02-28', { cues: problematic })), knowledge);
    const after = assess(inputFor(contactOn('2025-03-01', { cues: problematic })), knowledge);
    expect(before.relationship.problematicCues).toEqual(['interaction_full_of_tension']);
    expect(before.instruments.map((i) => i.id)).not.toContain('lsvg');
    expect(after.instruments.map((i) => i.id)).toContain('lsvg');
  });
});

describe('a contact becomes the engine input', () => {
  it('takes the factor values, the parents in file order (no role → other) and the region', () => {
    const input = inputFor(
      contactOn('2025-06-01', {
        region: 'be',
        caregivers: [
          { role: 'father', birthYear: 1990, lowEducation: null },
          { role: null, birthYear: null, lowEducation: true },
        ],
        factors: { parent_depression: { value: 'present' } },
        criteria: { regulation_problems_persistent: true },
      }),
    );
    expect(input).toEqual({
      region: 'be',
      child: { ageMonths: 15, firstChild: true },
      parents: [
        { role: 'father', ageYears: 35 },
        { role: 'other', lowEducation: true },
      ],
      factors: { parent_depression: 'present' },
      cues: insecure,
      criteria: { regulation_problems_persistent: true },
    });
  });

  it('gives an unborn child its weeks of gestation and leaves firstChild out when unknown', () => {
    const input = inputFor(contactOn('2026-03-01', { child: { dueDate: '2026-06-01', firstChild: null } }));
    expect(input.child).toEqual({ gestationWeeks: 26 });
  });

  it('takes at most eight parents', () => {
    const caregivers = Array.from({ length: 10 }, () => ({ role: 'other' as const }));
    expect(inputFor(contactOn('2025-06-01', { caregivers })).parents).toHaveLength(8);
  });

  it('names the contact date when it does not fit the child, and the child when it has no dates', () => {
    const error = (c: ContactRecord) => {
      const r = assessmentInputForContact(c);
      return r.ok ? null : r.error;
    };
    expect(error(contactOn('2024-02-28'))).toMatchObject({ field: 'date', reason: 'before_birth' });
    expect(inputFor(contactOn('2042-02-28')).child).toEqual({ ageMonths: 215, firstChild: true });
    expect(inputFor(contactOn('2042-03-28')).child).toEqual({ ageMonths: 216, firstChild: true });
    expect(error(contactOn('2042-03-29'))).toMatchObject({ field: 'date', reason: 'older_than_18' });
    expect(error(contactOn('2026-01-01', { child: { dueDate: '2026-12-01' } }))).toMatchObject({
      field: 'date',
      reason: 'outside_pregnancy',
      gestationWeeks: -8,
    });
    expect(error(contactOn('2026-01-01', { child: {} }))).toMatchObject({
      field: 'childId',
      reason: 'no_birth_or_due_date',
    });
  });
});

describe('parent age', () => {
  it('is the age reached in the contact year from a birth year, completed years from a birth date', () => {
    expect(parentAgeYears({ birthYear: 2006 }, '2026-03-15')).toBe(20);
    expect(parentAgeYears({ birthDate: '2006-03-16', birthYear: 2006 }, '2026-03-15')).toBe(19);
    expect(parentAgeYears({ birthDate: '2004-02-29' }, '2022-03-01')).toBe(18);
  });

  it('is left out, not clamped, outside the 10–90 years the engine accepts', () => {
    expect(parentAgeYears({ birthYear: 2019 }, '2026-01-01')).toBeUndefined();
    expect(parentAgeYears({ birthYear: 1930 }, '2026-01-01')).toBeUndefined();
    expect(parentAgeYears({ birthYear: 2016 }, '2026-01-01')).toBe(10);
    expect(parentAgeYears({ birthYear: 1936 }, '2026-01-01')).toBe(90);
    expect(parentAgeYears({}, '2026-01-01')).toBeUndefined();
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 12_000 }).map((n) => addDays('2000-01-01', n));
  const leapDay = fc.integer({ min: 0, max: 8 }).map((i) => `${2000 + 4 * i}-02-29`);
  const monthEnd = fc
    .tuple(fc.integer({ min: 2000, max: 2032 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1));
  const date = fc.oneof(day, leapDay, monthEnd);

  it('every contact date either gives a valid input or a child_age error on the field at fault', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          date.map((birthDate) => ({ birthDate })),
          date.map((dueDate) => ({ dueDate })),
        ),
        date,
        fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
        (child, on, birthYear) => {
          const r = assessmentInputForContact({
            region: 'nl',
            date: on,
            child,
            caregivers: [{ role: 'mother', birthYear }],
          });
          const age = childAgeOn(child, on);
          expect(r.ok).toBe(age.ok);
          if (r.ok && age.ok) {
            expect(r.value.child).toEqual(age.value);
            const years = r.value.parents[0]?.ageYears;
            if (years !== undefined) expect(years).toBe(Number(on.slice(0, 4)) - (birthYear ?? 0));
          }
          if (!r.ok) expect(r.error.error).toBe('child_age');
        },
      ),
    );
  });
});

describe('a caregiver’s own factors and screenings reach the engine input', () => {
  it('per parent, with per instrument the latest screening on or before the date and at most 84 days old', () => {
    const input = inputFor(
      contactOn('2025-03-10', {
        caregivers: [
          { role: 'mother', birthYear: 2000 },
          {
            role: 'father',
            birthYear: 1998,
            factors: { parent_depression: { value: 'present' } },
            screenings: [
              { instrument: 'epds', total: 8, item10: 0, date: '2025-01-10' },
              { instrument: 'epds', total: 12, item10: 0, date: '2025-03-01' },
              { instrument: 'gad_2', total: 4, date: '2024-12-15' }, // 85 days before: no longer current
              { instrument: 'whooley', answers: [true, false], date: '2025-03-11' }, // after the contact
            ],
          },
        ],
      }),
    );
    expect(input.parents[0]).toEqual({ role: 'mother', ageYears: 25 });
    expect(input.parents[1]).toMatchObject({
      role: 'father',
      factors: { parent_depression: 'present' },
      screenings: [{ instrument: 'epds', total: 12, item10: 0 }],
    });
    const a = assess(input, knowledge);
    expect(a.parentMentalHealth).toEqual([
      expect.objectContaining({ parent: 1, outcome: 'clinical_assessment' }),
    ]);
  });
});
