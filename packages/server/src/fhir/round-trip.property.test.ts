import type { Bundle } from '@medplum/fhirtypes';
import { CONTACT_TYPES, knowledge, RELATIONSHIP_BANDS } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { secretBoxFor } from '../domain/family-import-cli.ts';
import { startTestServer, TestClock, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { actor, createOrg } from '../testing/world.ts';
import { exportBundle } from './export-bundle.ts';
import type { FhirFamilyInput } from './input.ts';
import { loadFhirInput } from './load-input.ts';
import { caregiver, child, contact, richInput } from './test-fixtures.ts';
import { normaliseBundle } from './test-normalise.ts';

const AT = '2026-11-30T10:00:00.000Z';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && s === s.trim());
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: Math.min(5, xs.length) });

/**
 * Families as a professional records them: born children under two, contacts after the birth and before the
 * export, finished ones with the agreed estimate or "not discussed", any cues, factors and criteria.
 */
const family = fc
  .record({
    region: fc.constantFrom('nl' as const, 'be' as const),
    familyName: name,
    children: fc.array(fc.record({ given: name, ageDays: fc.integer({ min: 30, max: 600 }) }), {
      minLength: 1,
      maxLength: 2,
    }),
    caregivers: fc.array(name, { minLength: 1, maxLength: 2 }),
    contacts: fc.array(
      fc.record({
        type: fc.constantFrom(...CONTACT_TYPES.filter((t) => t !== 'prenatal_visit')),
        final: fc.boolean(),
        daysAgo: fc.integer({ min: 1, max: 29 }),
        cues: subset(knowledge.cues.map((c) => c.code)),
        factors: subset(knowledge.factors.map((f) => f.code)),
        criteria: subset(knowledge.referralCriteria.map((c) => c.code)),
        band: fc.option(fc.constantFrom(...RELATIONSHIP_BANDS)),
        notes: fc.option(name),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((g): FhirFamilyInput => {
    const base = richInput(g.region);
    const now = Date.parse(AT);
    const kids = g.children.map((c, i) =>
      child(i, { givenName: c.given, familyName: g.familyName, birthDate: isoDay(now - c.ageDays * DAY) }),
    );
    return {
      ...base,
      exportedAt: AT,
      nationalIds: {},
      family: {
        ...base.family,
        name: g.familyName,
        children: kids,
        caregivers: g.caregivers.map((given, i) => caregiver(i, { givenName: given })),
        agreements: [],
        consents: [],
        referrals: [],
        screenings: [],
        instrumentResults: [],
      },
      instrumentResponses: [],
      referralDetails: {},
      contacts: g.contacts.map((c, i) =>
        contact(i, (kids[i % kids.length] as { id: string }).id, {
          type: c.type,
          status: c.final ? 'final' : 'draft',
          date: isoDay(now - c.daysAgo * DAY),
          cues: Object.fromEntries(c.cues.map((x) => [x, true])),
          factors: Object.fromEntries(
            c.factors.map((x, j) => [
              x,
              {
                value: (['present', 'absent', 'unknown'] as const)[j % 3],
                reportedBy: j % 2 === 0 ? 'parent' : 'professional',
                recordedAt: AT,
              },
            ]),
          ),
          criteria: Object.fromEntries(c.criteria.map((x) => [x, true])),
          agreedBand: c.band,
          agreedBandNotDiscussed: c.band === null && c.final,
          notes: c.notes,
        }),
      ),
    } as FhirFamilyInput;
  });

forEachDatabase('FHIR round trip, property', (current) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      clock: new TestClock(new Date(AT)),
    });
  });
  afterAll(() => server?.close());

  /** Imports a Bundle into a new organisation of the given region and exports what it created. */
  async function importAndExport(bundle: Bundle, region: 'nl' | 'be', orgName: string): Promise<Bundle> {
    const { db } = current();
    const org = await createOrg(db, { region, name: orgName });
    const nurse = await actor(server, db, org, 'nurse');
    const res = await nurse.client.post('/api/fhir/import', bundle);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { familyId } = res.json as { familyId: string };
    const loaded = await loadFhirInput(
      db,
      familyId,
      { at: AT, today: AT.slice(0, 10) },
      secretBoxFor(current()),
    );
    if (!loaded) throw new Error('the imported family did not load');
    return exportBundle(loaded.input);
  }

  it('generated families: export → import → export → import → export is stable', async () => {
    await fc.assert(
      fc.asyncProperty(family, async (input) => {
        const { region, name: orgName } = input.organisation;
        const once = await importAndExport(exportBundle(input), region, orgName);
        const twice = await importAndExport(once, region, orgName);
        expect(normaliseBundle(twice)).toEqual(normaliseBundle(once));
      }),
      { numRuns: 8, seed: 20261201 },
    );
  }, 120_000);
});
