import { CAREGIVER_ROLES } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFamilyBundle } from './import-bundle.ts';
import { codeSystemUrl, EXTENSIONS, NATIONAL_ID_SYSTEM, NESTWERK_ID_SYSTEMS } from './mapping.ts';

const TODAY = '2026-03-02';

const bsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((d) => ({ d, last: d.reduce((s, v, i) => s + v * (9 - i), 0) % 11 }))
  .filter(({ d, last }) => last < 10 && d.some((v) => v > 0))
  .map(({ d, last }) => `${d.join('')}${last}`);
const name = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,30}[A-Za-zÀ-ÿ]$/);
const day = fc
  .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const child = fc.record({
  givenName: name,
  familyName: name,
  birthDate: day,
  firstChild: fc.option(fc.boolean(), { nil: null }),
  bsn: fc.option(bsn, { nil: null }),
});
const caregiver = fc.record({
  givenName: name,
  familyName: name,
  role: fc.constantFrom(...CAREGIVER_ROLES),
  birthYear: fc.option(fc.integer({ min: 1940, max: 2010 }), { nil: null }),
  bsn: fc.option(bsn, { nil: null }),
});
const household = fc.record({
  familyName: name,
  children: fc.array(child, { minLength: 1, maxLength: 4 }),
  caregivers: fc.array(caregiver, { maxLength: 3 }),
});
type Household = typeof household extends fc.Arbitrary<infer T> ? T : never;

const identifier = (digits: string | null) =>
  digits ? [{ use: 'official', system: NATIONAL_ID_SYSTEM.nl, value: digits }] : [];

/** The household as Nestwerk's export writes it (Group, Patients, RelatedPersons). */
function toBundle(h: Household) {
  const resources = [
    {
      resourceType: 'Group',
      identifier: [{ system: NESTWERK_ID_SYSTEMS.family, value: 'f-1' }],
      name: h.familyName,
    },
    ...h.children.map((c) => ({
      resourceType: 'Patient',
      identifier: identifier(c.bsn),
      name: [{ use: 'official', family: c.familyName, given: [c.givenName] }],
      birthDate: c.birthDate,
      ...(c.firstChild === null
        ? {}
        : { extension: [{ url: EXTENSIONS.firstChild, valueBoolean: c.firstChild }] }),
    })),
    ...h.caregivers.map((c) => ({
      resourceType: 'RelatedPerson',
      identifier: identifier(c.bsn),
      name: [{ use: 'official', family: c.familyName, given: [c.givenName] }],
      relationship: [{ coding: [{ system: codeSystemUrl('caregiver-role'), code: c.role }] }],
      ...(c.birthYear === null
        ? {}
        : { extension: [{ url: EXTENSIONS.birthYear, valueInteger: c.birthYear }] }),
    })),
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

describe('reading generated households', () => {
  it('gives back every household the export shape can carry', () => {
    fc.assert(
      fc.property(household, (h) => {
        const read = readFamilyBundle(toBundle(h), TODAY);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.family.name).toBe(h.familyName);
        expect(read.family.children).toEqual(
          h.children.map((c) => ({
            givenName: c.givenName,
            familyName: c.familyName,
            birthDate: c.birthDate,
            dueDate: null,
            firstChild: c.firstChild,
            nationalId: c.bsn ? { system: 'bsn', digits: c.bsn } : null,
          })),
        );
        expect(
          read.family.caregivers.map((c) => [c.role, c.birthYear, c.nationalId?.digits ?? null]),
        ).toEqual(h.caregivers.map((c) => [c.role, c.birthYear, c.bsn]));
      }),
    );
  });

  it('names the entry of any child whose BSN has one digit wrong', () => {
    fc.assert(
      fc.property(household, fc.nat(), fc.nat(8), fc.integer({ min: 1, max: 9 }), (h, which, at, delta) => {
        const i = which % h.children.length;
        const c = h.children[i] as Household['children'][number];
        const good = c.bsn ?? '111222333';
        const wrong = `${good.slice(0, at)}${(Number(good[at]) + delta) % 10}${good.slice(at + 1)}`;
        const children = h.children.map((x, j) => (j === i ? { ...x, bsn: wrong } : x));
        const read = readFamilyBundle(toBundle({ ...h, children }), TODAY);
        expect(read.ok).toBe(false);
        if (read.ok) return;
        expect(read.issues).toContainEqual({
          entry: 1 + i,
          resourceType: 'Patient',
          path: 'Patient.identifier[0].value',
          code: 'invalid_bsn',
        });
      }),
    );
  });
});
