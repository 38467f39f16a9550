import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { secretBoxFor } from '../domain/family-import-cli.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org, relate, seedFamily } from '../testing/world.ts';
import { exportBundle } from './export-bundle.ts';
import { loadFhirInput } from './load-input.ts';
import { bundleProblems } from './test-validate.ts';

const AT = '2026-11-23T12:00:00.000Z';

forEachDatabase('FHIR export of demo families and its routes', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let stranger: Actor;
  let analyst: Actor;
  let familyId: string;

  beforeAll(async () => {
    const { db } = current();
    await loadDemo(db, {
      families: 40,
      seed: 'fhir',
      today: new Date(AT),
      password: 'correct horse battery',
    });
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    stranger = await actor(server, db, org, 'nurse', { team: 'other' });
    analyst = await actor(server, db, org, 'analyst');
    ({ familyId } = await seedFamily(db, org.organisationId, nurse.id));
    await relate(db, familyId, { userId: nurse.id }, nurse.id);
  }, 240_000);
  afterAll(() => server?.close());

  describe.each(['nl', 'be'] as const)('demo families (%s)', (region) => {
    it('the richest ones export to Bundles whose every resource validates', async () => {
      const { db } = current();
      const families = await db
        .selectFrom('families as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .leftJoin('contacts as c', 'c.family_id', 'f.id')
        .select(['f.id'])
        .select((eb) => eb.fn.count<number>('c.id').as('contacts'))
        .where('o.region', '=', region)
        .groupBy('f.id')
        .orderBy('contacts', 'desc')
        .orderBy('f.id')
        .limit(4)
        .execute();
      expect(families.length).toBeGreaterThan(0);
      const types = new Set<string>();
      for (const f of families) {
        const loaded = await loadFhirInput(
          db,
          f.id,
          { at: AT, today: AT.slice(0, 10) },
          secretBoxFor(current()),
        );
        if (!loaded) throw new Error(`family ${f.id} did not load`);
        const bundle = exportBundle(loaded.input);
        expect(bundleProblems(bundle, region), f.id).toEqual([]);
        for (const e of bundle.entry ?? []) types.add(e.resource?.resourceType ?? '');
      }
      for (const t of [
        'Group',
        'Patient',
        'RelatedPerson',
        'Encounter',
        'Observation',
        'CarePlan',
        'Provenance',
      ])
        expect(types, t).toContain(t);
    });
  });

  it('GET /api/families/:id/fhir answers the Bundle to a professional in care, and audits the read', async () => {
    const res = await nurse.client.get(`/api/families/${familyId}/fhir`);
    expect(res.status).toBe(200);
    const bundle = res.json as unknown as Bundle;
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundleProblems(bundle, 'nl')).toEqual([]);
    const audit = await lastAudit(current().db, nurse.id);
    expect(audit).toMatchObject({ action: 'fhir.export', outcome: 'success', family_id: familyId });
  });

  it('answers 404 to a professional without a care relationship, and audits the denial', async () => {
    const res = await stranger.client.get(`/api/families/${familyId}/fhir`);
    expect(res.status).toBe(404);
    expect(await lastAudit(current().db, stranger.id)).toMatchObject({
      action: 'access.denied',
      family_id: familyId,
    });
  });

  it('refuses a role that holds no family content', async () => {
    const res = await analyst.client.get(`/api/families/${familyId}/fhir`);
    expect([403, 404]).toContain(res.status);
    expect(JSON.stringify(res.json)).not.toContain('"Bundle"');
  });

  it('publishes the CodeSystems by name and answers 404 for an unknown one', async () => {
    const cue = await nurse.client.get('/api/fhir/CodeSystem/cue');
    expect(cue.status).toBe(200);
    const system = cue.json as { url: string; concept: { code: string }[] };
    expect(system.url).toBe('https://nestwerk.nl/fhir/CodeSystem/cue');
    expect(system.concept.map((c) => c.code)).toContain('child_accepts_comfort');
    expect((await nurse.client.get('/api/fhir/CodeSystem/nope')).status).toBe(404);
  });

  it('states its capabilities, the import operation included', async () => {
    const res = await nurse.client.get('/api/fhir/metadata');
    expect(res.status).toBe(200);
    const cs = res.json as { fhirVersion: string; rest: { operation: { name: string }[] }[] };
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest[0]?.operation.map((o) => o.name)).toEqual(expect.arrayContaining(['export', 'import']));
  });
});
