import { assess, assessmentInputForContact, type ContactRecord } from '@nestwerk/engine';
import {
  CAREGIVER_ROLES,
  CUE_CODES,
  FACTOR_CODES,
  INSECURE_CUE_CODES,
  knowledge,
  REFERRAL_CRITERION_CODES,
} from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAssessmentInput } from '../../domain/assessment-input.ts';
import { HttpError } from '../../http/errors.ts';
import { presentPerson } from '../../presenters/person.ts';
import type { PersonRow } from '../../repositories/persons.ts';

/*
 * The browser computes the live advice from the persons the server presents to it (presentPerson) and the
 * form's observations; the server stores the advice it computes from the person rows and the same
 * observations in the request body. Both go through assessmentInputForContact; this property shows the two
 * ends feed it the same contact, so the live advice is the stored advice. (The web's form.test.ts shows the
 * form passes the presented persons and its observations through unchanged.)
 */

const dayOf = (n: number) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: 0, max: 13_000 }).map(dayOf);
const monthEnd = fc
  .tuple(fc.integer({ min: 2000, max: 2034 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
const leapDay = fc.integer({ min: 0, max: 8 }).map((i) => `${2000 + 4 * i}-02-29`);
const date = fc.oneof(anyDay, monthEnd, leapDay, fc.constant('2025-02-28'), fc.constant('2025-03-01'));
/** A contact date near the child's month-day: the day before, on, or after a monthly anniversary. */
const nearAnniversary = (birth: string) =>
  fc.tuple(fc.integer({ min: 0, max: 215 }), fc.integer({ min: -1, max: 1 })).map(([months, shift]) => {
    const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
    const target = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    const day = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last) + shift));
    return day.toISOString().slice(0, 10);
  });

const flag = fc.constantFrom<number | null>(null, 0, 1);
const base = {
  family_id: 'f',
  given_name: 'A',
  family_name: 'B',
  phone: null,
  national_id_system: null,
  national_id_sealed: null,
  national_id_key: null,
  national_id_hint: null,
  created_at: '',
  updated_at: '',
  version: 1,
};

const childRow: fc.Arbitrary<PersonRow> = fc
  .record({ born: fc.boolean(), day: date, first: flag })
  .map(({ born, day, first }) => ({
    ...base,
    id: 'child',
    kind: 'child',
    birth_date: born ? day : null,
    due_date: born ? null : day,
    first_child: first,
    caregiver_role: null,
    birth_year: null,
    low_education: null,
  }));

const caregiverRow: fc.Arbitrary<PersonRow> = fc
  .record({
    role: fc.option(fc.constantFrom(...CAREGIVER_ROLES), { nil: null }),
    year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
    low: flag,
    n: fc.nat(),
  })
  .map(({ role, year, low, n }) => ({
    ...base,
    id: `cg-${n}`,
    kind: 'caregiver',
    birth_date: null,
    due_date: null,
    first_child: null,
    caregiver_role: role,
    birth_year: year,
    low_education: low,
  }));

const observations = fc.record({
  cues: fc.dictionary(fc.constantFrom(...CUE_CODES), fc.boolean(), { maxKeys: 6 }),
  factors: fc.dictionary(
    fc.constantFrom(...FACTOR_CODES),
    fc.record({
      value: fc.constantFrom('present' as const, 'absent' as const, 'unknown' as const),
      reportedBy: fc.constantFrom('parent' as const, 'professional' as const),
    }),
    { maxKeys: 6 },
  ),
  criteria: fc.dictionary(fc.constantFrom(...REFERRAL_CRITERION_CODES), fc.boolean(), { maxKeys: 3 }),
});

const scenario = childRow.chain((child) =>
  fc.record({
    child: fc.constant(child),
    date: child.birth_date ? fc.oneof(date, nearAnniversary(child.birth_date)) : date,
    caregivers: fc.array(caregiverRow, { maxLength: 10 }),
    region: fc.constantFrom('nl' as const, 'be' as const),
    observed: observations,
  }),
);

const childRowExample: PersonRow = {
  ...base,
  id: 'child',
  kind: 'child',
  birth_date: null,
  due_date: null,
  first_child: null,
  caregiver_role: null,
  birth_year: null,
  low_education: null,
};

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** What the server stores: the input from the rows, or the 400 it answers. */
function stored(s: Scenario) {
  try {
    return {
      ok: true as const,
      value: buildAssessmentInput({
        region: s.region,
        child: s.child,
        caregivers: s.caregivers,
        contact: { date: s.date, ...s.observed },
      }),
    };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return { ok: false as const, field: err.field, message: err.message, status: err.status };
  }
}

/** What the browser computes live: the same engine function over the persons as the server presents them. */
function live(s: Scenario) {
  const child = presentPerson(s.child);
  if (child.kind !== 'child') throw new Error('the child row presents as a child');
  const record: ContactRecord = {
    region: s.region,
    date: s.date,
    child,
    caregivers: s.caregivers.map(presentPerson),
    ...s.observed,
  };
  return assessmentInputForContact(record);
}

describe('the live advice is the stored assessment', () => {
  it('same input and same assess() output, or the same refusal on the same field', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const server = stored(s);
        const browser = live(s);
        expect(browser.ok).toBe(server.ok);
        if (server.ok && browser.ok) {
          expect(browser.value).toEqual(server.value);
          expect(assess(browser.value, knowledge)).toEqual(assess(server.value, knowledge));
        }
        if (!server.ok && !browser.ok) {
          expect(server.status).toBe(400);
          expect(server.field).toBe(browser.error.field);
          expect(server.message).toBe(browser.error.message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a child born 2024-02-29 seen on 2025-02-28: 11 months on both sides, no LSVG on either (12 and LSVG from 1 March)', () => {
    const s = {
      child: { ...childRowExample, birth_date: '2024-02-29' },
      date: '2025-02-28',
      caregivers: [],
      region: 'nl' as const,
      observed: {
        cues: Object.fromEntries(INSECURE_CUE_CODES.slice(0, 3).map((c) => [c, true])),
        factors: {},
        criteria: {},
      },
    };
    const server = stored(s);
    const browser = live(s);
    if (!server.ok || !browser.ok) throw new Error('expected an input');
    expect(server.value.child).toEqual({ ageMonths: 11 });
    expect(browser.value).toEqual(server.value);
    const advice = assess(browser.value, knowledge);
    expect(advice.relationship.suggestedBand).toBe('insecure');
    expect(advice.instruments.map((i) => i.id)).not.toContain('lsvg');
    expect(assess(server.value, knowledge)).toEqual(advice);
  });
});
