import { CAREGIVER_ROLES, CONTACT_TYPES, knowledge, RELATIONSHIP_BANDS } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBundle } from './export-bundle.ts';
import type { FhirFamilyInput } from './input.ts';
import { caregiver, child, contact, richInput } from './test-fixtures.ts';
import { bundleProblems } from './test-validate.ts';

const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && s === s.trim());
const day = fc
  .integer({ min: 0, max: 3000 })
  .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: Math.min(6, xs.length) });

/** A family of any shape the contract allows: born or unborn children, any caregivers, any observations. */
const family = fc
  .record({
    region: fc.constantFrom('nl' as const, 'be' as const),
    children: fc.array(fc.record({ given: name, born: fc.boolean(), date: day }), {
      minLength: 1,
      maxLength: 3,
    }),
    caregivers: fc.array(
      fc.record({ given: name, role: fc.option(fc.constantFrom(...CAREGIVER_ROLES)), phone: fc.boolean() }),
      { maxLength: 4 },
    ),
    contacts: fc.array(
      fc.record({
        type: fc.constantFrom(...CONTACT_TYPES),
        final: fc.boolean(),
        date: day,
        cues: subset(knowledge.cues.map((c) => c.code)),
        factors: subset(knowledge.factors.map((f) => f.code)),
        criteria: subset(knowledge.referralCriteria.map((c) => c.code)),
        band: fc.option(fc.constantFrom(...RELATIONSHIP_BANDS)),
        notes: fc.option(name),
      }),
      { maxLength: 4 },
    ),
    familyName: name,
  })
  .map((g): FhirFamilyInput => {
    const base = richInput(g.region);
    const kids = g.children.map((c, i) =>
      child(i, {
        givenName: c.given,
        familyName: g.familyName,
        birthDate: c.born ? c.date : null,
        dueDate: c.born ? null : c.date,
      }),
    );
    const firstKid = (kids[0] as { id: string }).id;
    return {
      ...base,
      nationalIds: {},
      family: {
        ...base.family,
        name: g.familyName,
        children: kids,
        caregivers: g.caregivers.map((c, i) =>
          caregiver(i, { givenName: c.given, role: c.role, phone: c.phone ? '+32 470 12 34 56' : null }),
        ),
        agreements: [],
        consents: [],
        referrals: [],
        screenings: [],
        instrumentResults: [],
      },
      instrumentResponses: [],
      referralDetails: {},
      contacts: g.contacts.map((c, i) =>
        contact(i, (kids[i % kids.length] as { id: string }).id ?? firstKid, {
          type: c.type,
          status: c.final ? 'final' : 'draft',
          date: c.date,
          cues: Object.fromEntries(c.cues.map((x) => [x, true])),
          factors: Object.fromEntries(
            c.factors.map((x, j) => [
              x,
              {
                value: (['present', 'absent', 'unknown'] as const)[j % 3],
                reportedBy: 'parent',
                recordedAt: base.exportedAt,
              },
            ]),
          ),
          criteria: Object.fromEntries(c.criteria.map((x) => [x, true])),
          agreedBand: c.band,
          agreedBandNotDiscussed: c.band === null,
          notes: c.notes,
        }),
      ),
    } as FhirFamilyInput;
  });

describe('FHIR export, property', () => {
  it('no generated family makes the export invalid', () => {
    fc.assert(
      fc.property(family, (input) => {
        expect(bundleProblems(exportBundle(input), input.organisation.region)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('ids are unique within a Bundle', () => {
    fc.assert(
      fc.property(family, (input) => {
        const ids = (exportBundle(input).entry ?? []).map((e) => e.fullUrl);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
