import { assessmentInputForContact } from '@nestwerk/engine';
import { CAREGIVER_ROLES, CUE_CODES, FACTOR_CODES, REFERRAL_CRITERION_CODES } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../api/types.ts';
import { type ContactForm, emptyForm, toAssessmentInput, toContactIn } from './form.ts';

/*
 * The live advice goes through the engine with exactly what the browser then sends (toContactIn) and the
 * persons as the server presented them; the server's half (rows → the same contact) is proven in
 * server/src/routes/contacts/live-and-stored.test.ts.
 */

const dayOf = (n: number) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
const date = fc.oneof(
  fc.integer({ min: 0, max: 13_000 }).map(dayOf),
  fc.integer({ min: 0, max: 8 }).map((i) => `${2000 + 4 * i}-02-29`),
  fc
    .tuple(fc.integer({ min: 2000, max: 2034 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)),
);

const child = fc.record({ born: fc.boolean(), day: date, first: fc.option(fc.boolean(), { nil: null }) }).map(
  ({ born, day, first }): Person => ({
    id: 'child',
    kind: 'child',
    givenName: 'A',
    familyName: 'B',
    birthDate: born ? day : null,
    dueDate: born ? null : day,
    firstChild: first,
    nationalId: null,
    version: 1,
  }),
);

const caregiver = fc
  .record({
    role: fc.option(fc.constantFrom(...CAREGIVER_ROLES), { nil: null }),
    year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
    low: fc.option(fc.boolean(), { nil: null }),
  })
  .map(
    ({ role, year, low }): Person => ({
      id: 'cg',
      kind: 'caregiver',
      givenName: 'C',
      familyName: 'D',
      role,
      birthYear: year,
      lowEducation: low,
      nationalId: null,
      phone: null,
      version: 1,
    }),
  );

describe('live advice input', () => {
  it('is the engine over the form as sent and the presented persons', () => {
    fc.assert(
      fc.property(
        child,
        fc.array(caregiver, { maxLength: 9 }),
        date,
        fc.dictionary(fc.constantFrom(...CUE_CODES), fc.constant(true as const), { maxKeys: 6 }),
        fc.dictionary(
          fc.constantFrom(...FACTOR_CODES),
          fc.record({
            value: fc.constantFrom('present' as const, 'absent' as const, 'unknown' as const),
            reportedBy: fc.constantFrom('parent' as const, 'professional' as const),
          }),
          { maxKeys: 6 },
        ),
        fc.dictionary(fc.constantFrom(...REFERRAL_CRITERION_CODES), fc.constant(true as const), {
          maxKeys: 3,
        }),
        (person, caregivers, on, cues, factors, criteria) => {
          const form: ContactForm = { ...emptyForm(person, on), cues, factors, criteria };
          const body = toContactIn(form, 'final');
          const sent = assessmentInputForContact({
            region: 'nl',
            date: body.date,
            child: person,
            caregivers,
            cues: body.cues,
            factors: body.factors,
            criteria: body.criteria,
          });
          expect(toAssessmentInput(form, person, caregivers, 'nl')).toEqual(sent);
        },
      ),
    );
  });
});
