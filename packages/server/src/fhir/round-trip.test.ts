import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { secretBoxFor } from '../domain/family-import-cli.ts';
import { startTestServer, TestClock, type TestServer } from '../http/test-server.ts';
import type { Db } from '../repositories/db.ts';
import { createTestDatabase, forEachDatabase, type TestDatabase } from '../testing/databases.ts';
import { seedPartner } from '../testing/network-world.ts';
import { actor, createOrg } from '../testing/world.ts';
import { exportBundle } from './export-bundle.ts';
import { loadFhirInput } from './load-input.ts';
import { codeSystemUrl } from './mapping.ts';
import { normaliseBundle } from './test-normalise.ts';

const AT = '2026-11-23T12:00:00.000Z';
const clock = { at: AT, today: AT.slice(0, 10) };

const TABLES = [
  'families',
  'persons',
  'contacts',
  'observations',
  'parent_factor_observations',
  'assessments',
  'agreements',
  'consents',
  'care_relationships',
  'family_imports',
  'imported_records',
  'parent_screenings',
  'instrument_responses',
  'referrals',
  'referral_status_history',
  'notifications',
  'partners',
] as const;

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

forEachDatabase('FHIR round trip: export, import into a fresh database, export again', (current) => {
  let fresh: TestDatabase;
  let receiving: TestServer;

  beforeAll(async () => {
    await loadDemo(current().db, {
      families: 40,
      seed: 'fhir-round-trip',
      today: new Date(AT),
      password: 'correct horse battery',
    });
    fresh = await createTestDatabase(current().dialect);
    // The receiver imports the day the file was exported: its contacts lie in the past, as in real life.
    receiving = await startTestServer({
      db: fresh.db,
      dialect: current().dialect,
      clock: new TestClock(new Date(AT)),
    });
  }, 240_000);
  afterAll(async () => {
    await receiving?.close();
    await fresh?.dispose();
  });

  /** The demo families of this region with the most contacts (consents, agreements), screenings and referrals. */
  async function richest(region: 'nl' | 'be'): Promise<string[]> {
    const { db } = current();
    const rows = await db
      .selectFrom('families as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select('f.id')
      .select((eb) => [
        eb
          .selectFrom('contacts as c')
          .whereRef('c.family_id', '=', 'f.id')
          .select(eb.fn.countAll().as('n'))
          .as('contacts'),
        eb
          .selectFrom('consents as k')
          .whereRef('k.family_id', '=', 'f.id')
          .select(eb.fn.countAll().as('n'))
          .as('consents'),
        eb
          .selectFrom('agreements as a')
          .whereRef('a.family_id', '=', 'f.id')
          .select(eb.fn.countAll().as('n'))
          .as('agreements'),
        eb
          .selectFrom('parent_screenings as s')
          .whereRef('s.family_id', '=', 'f.id')
          .select(eb.fn.countAll().as('n'))
          .as('screenings'),
        eb
          .selectFrom('referrals as r')
          .whereRef('r.family_id', '=', 'f.id')
          .select(eb.fn.countAll().as('n'))
          .as('referrals'),
      ])
      .where('o.region', '=', region)
      .execute();
    const pick = (score: (r: (typeof rows)[number]) => number) => {
      const best = [...rows].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id))[0];
      if (!best) throw new Error(`no demo family in ${region}`);
      return best.id;
    };
    const rich = (r: (typeof rows)[number]) =>
      Number(r.contacts) * 100 + Number(r.consents) * 10 + Number(r.agreements);
    // Every kind of record travels: the demo spreads screenings and referrals over different families.
    return [
      ...new Set([
        pick(rich),
        pick((r) => Number(r.screenings) * 10_000 + rich(r)),
        pick((r) => Number(r.referrals) * 10_000 + rich(r)),
      ]),
    ];
  }

  async function exportOf(
    db: Db,
    familyId: string,
    secrets: ReturnType<typeof secretBoxFor>,
  ): Promise<Bundle> {
    const loaded = await loadFhirInput(db, familyId, clock, secrets);
    if (!loaded) throw new Error(`family ${familyId} did not load`);
    return exportBundle(loaded.input);
  }

  /** The resource type, and for an Observation its Nestwerk kind. */
  function kindOf(r: Resource | undefined): string {
    if (r?.resourceType !== 'Observation') return r?.resourceType ?? 'none';
    const kind = r.category
      ?.flatMap((c) => c.coding ?? [])
      .find((c) => c.system === codeSystemUrl('observation-kind'))?.code;
    return `Observation:${kind ?? ''}`;
  }

  /** The record kinds an import of this Bundle marks as imported. */
  function expectedMarks(bundle: Bundle): Set<string> {
    const kinds = new Set((bundle.entry ?? []).map((e) => kindOf(e.resource)));
    const marks: Array<[string, string]> = [
      ['Encounter', 'contact'],
      ['CarePlan', 'agreement'],
      ['Consent', 'consent'],
      ['ServiceRequest', 'referral'],
      ['Observation:parent-screening', 'screening'],
      ['Observation:instrument-score', 'instrument_response'],
    ];
    return new Set(['family', ...marks.filter(([k]) => kinds.has(k)).map(([, m]) => m)]);
  }

  async function roundTrip(region: 'nl' | 'be', first: Bundle): Promise<void> {
    const source = (first.entry ?? []).find((e) => e.resource?.resourceType === 'Organization')?.resource;
    const name = source?.resourceType === 'Organization' ? source.name : undefined;
    const org = await createOrg(fresh.db, { region, ...(name ? { name } : {}) });
    const nurse = await actor(receiving, fresh.db, org, 'nurse');
    // The receiver knows the partners of the care network by name: referrals and consents link to them.
    for (const e of first.entry ?? [])
      if (
        e.resource?.resourceType === 'Organization' &&
        e.resource.identifier?.some((i) => i.system?.endsWith('/partner-id'))
      )
        await seedPartner(fresh.db, org.organisationId, {
          name: e.resource.name ?? '',
          kind: 'youth_care',
          country: region,
        });

    const res = await nurse.client.post('/api/fhir/import', first);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { familyId: importedId, created } = res.json as { familyId: string; created: boolean };
    expect(created).toBe(true);
    const second = await exportOf(fresh.db, importedId, secretBoxFor(fresh));
    // The whole Bundle: screenings, questionnaire answers and referrals included.
    expect(normaliseBundle(second)).toEqual(normaliseBundle(first));

    const before = await rowCounts(fresh.db);
    const again = await nurse.client.post('/api/fhir/import', first);
    expect(again.json).toEqual({ familyId: importedId, created: false });
    expect(await rowCounts(fresh.db)).toEqual(before);

    // Each imported record says where it came from.
    const marks = await fresh.db
      .selectFrom('imported_records')
      .select(['record_kind', 'source_system'])
      .where('family_id', '=', importedId)
      .execute();
    expect(new Set(marks.map((m) => m.source_system))).toEqual(new Set([name]));
    expect(new Set(marks.map((m) => m.record_kind))).toEqual(expectedMarks(first));
    // Historic referrals reach nobody: no receiving organisation, no notification.
    const referrals = await fresh.db
      .selectFrom('referrals')
      .select(['receiver_organisation_id'])
      .where('family_id', '=', importedId)
      .execute();
    expect(referrals.every((r) => r.receiver_organisation_id === null)).toBe(true);
  }

  describe.each(['nl', 'be'] as const)('a rich demo family (%s)', (region) => {
    it('exports again to the same Bundle, and a second import creates nothing', async () => {
      const seen = new Set<string>();
      for (const familyId of await richest(region)) {
        const first = await exportOf(current().db, familyId, secretBoxFor(current()));
        for (const e of first.entry ?? []) seen.add(kindOf(e.resource));
        await roundTrip(region, first);
      }
      for (const t of ['Encounter', 'CarePlan', 'Consent', 'ServiceRequest', 'Observation:parent-screening'])
        expect(seen, t).toContain(t);
    });

    it('rejects a Bundle with an unknown code with 400 naming the entry, and writes nothing', async () => {
      const [familyId = ''] = await richest(region);
      const bundle = JSON.parse(
        JSON.stringify(await exportOf(current().db, familyId, secretBoxFor(current()))),
      ) as Bundle;
      const i = (bundle.entry ?? []).findIndex((e) => e.resource?.resourceType === 'CarePlan');
      const plan = bundle.entry?.[i]?.resource;
      if (plan?.resourceType !== 'CarePlan') throw new Error('no CarePlan');
      plan.activity = [
        {
          detail: {
            status: 'scheduled',
            code: { coding: [{ system: codeSystemUrl('care-plan-activity'), code: 'holiday' }] },
          },
        },
      ];
      const org = await createOrg(fresh.db, { region });
      const nurse = await actor(receiving, fresh.db, org, 'nurse');
      const before = await rowCounts(fresh.db);
      const res = await nurse.client.post('/api/fhir/import', bundle);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        error: 'invalid_input',
        issues: [
          {
            path: `entry.${i}`,
            code: 'unknown_code',
            params: { entry: i, resourceType: 'CarePlan', fhirPath: 'CarePlan.activity[0].detail.code' },
          },
        ],
      });
      expect(await rowCounts(fresh.db)).toEqual(before);
    });
  });
});
