import { SHARE_ITEMS } from '@nestwerk/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { createTestDatabase, forEachDatabase, type TestDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org } from '../../testing/world.ts';

type Json = Record<string, unknown>;
interface Bundle {
  resourceType: 'Bundle';
  entry: { fullUrl: string; resource: Json }[];
}

const NESTWERK_IDS = 'https://nestwerk.nl/fhir/NamingSystem/';
/** What the import takes over; the rest of a file (contacts, observations, care) is not imported (docs/fhir.md). */
const IMPORTED = new Set(['Group', 'Patient', 'RelatedPerson']);

/** A Bundle without what differs between two databases: ids, references to them, Nestwerk's own ids, times. */
function comparable(bundle: Bundle): Json[] {
  const scrub = (v: unknown): unknown => {
    if (Array.isArray(v))
      return v
        .filter(
          (x) =>
            !(typeof x === 'object' && x !== null && String((x as Json).system).startsWith(NESTWERK_IDS)),
        )
        .map(scrub);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v as Json)
        .filter(([k]) => !['id', 'reference', 'fullUrl', 'lastUpdated', 'timestamp'].includes(k))
        .map(([k, x]) => [k, scrub(x)]),
    );
  };
  return bundle.entry
    .map((e) => e.resource)
    .filter((r) => IMPORTED.has(String(r.resourceType)))
    .map((r) => scrub(r) as Json);
}

const family = {
  name: 'Jansen-Bakker',
  postcode: '3511 AB',
  municipality: 'Utrecht',
  children: [
    {
      givenName: 'Mila',
      familyName: 'Jansen',
      birthDate: '2025-09-01',
      firstChild: true,
      nationalId: '111222333',
    },
    { givenName: 'Baby', familyName: 'Jansen', dueDate: '2026-06-01' },
  ],
  caregivers: [
    {
      givenName: 'Eva',
      familyName: 'Jansen',
      role: 'mother',
      birthYear: 1995,
      lowEducation: false,
      phone: '06 12345678',
      nationalId: '123456782',
    },
    { givenName: 'Tom', familyName: 'Bakker', role: 'father' },
  ],
};

forEachDatabase('FHIR import and transfer', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let lead: Actor;
  let fresh: TestDatabase;
  let receiving: TestServer;
  let receiver: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db, { name: 'JGZ Utrecht' });
    nurse = await actor(server, current().db, org, 'nurse');
    lead = await actor(server, current().db, org, 'team_lead');
    fresh = await createTestDatabase(current().dialect);
    receiving = await startTestServer({ db: fresh.db, dialect: current().dialect });
    const receivingOrg = await createOrg(fresh.db, { name: 'JGZ Utrecht' });
    receiver = await actor(receiving, fresh.db, receivingOrg, 'nurse');
  });
  afterAll(async () => {
    await receiving?.close();
    await fresh?.dispose();
    await server?.close();
  });

  const exportOf = async (client: Actor, familyId: string) => {
    const res = await client.client.get(`/api/families/${familyId}/fhir`);
    expect(res.status).toBe(200);
    return res.json as unknown as Bundle;
  };

  it('round-trips: export, import into a fresh database, export again gives the same family', async () => {
    const created = await nurse.client.post('/api/families', family);
    const familyId = (created.json as { id: string }).id;
    const first = await exportOf(nurse, familyId);

    const imported = await receiver.client.post('/api/fhir/import', first);
    expect(imported.status).toBe(200);
    const result = imported.json as { familyId: string; created: boolean };
    expect(result.created).toBe(true);
    const second = await exportOf(receiver, result.familyId);
    expect(comparable(second)).toEqual(comparable(first));
    expect(comparable(first).map((r) => r.resourceType)).toEqual([
      'Group',
      'Patient',
      'Patient',
      'RelatedPerson',
      'RelatedPerson',
    ]);

    // The importer is in the family's care, and the import is audited with the persons it created.
    const file = await receiver.client.get(`/api/families/${result.familyId}`);
    expect(file.json).toMatchObject({
      careTeam: [{ memberId: receiver.id, active: true }, { kind: 'team' }],
    });
    const audit = await lastAudit(fresh.db, receiver.id);
    expect(audit).toBeDefined();
    const importLine = await fresh.db
      .selectFrom('audit_log')
      .select(['action', 'family_id', 'person_ids'])
      .where('action', '=', 'family.import')
      .executeTakeFirstOrThrow();
    expect(importLine.family_id).toBe(result.familyId);
    expect(JSON.parse(String(importLine.person_ids))).toHaveLength(4);
  });

  it('round-trips a Flemish family with INSZ numbers too', async () => {
    const flemish = await actor(
      server,
      current().db,
      await createOrg(current().db, { name: 'Kind en Gezin Leie', region: 'be' }),
      'nurse',
    );
    const receivingBe = await actor(
      receiving,
      fresh.db,
      await createOrg(fresh.db, { name: 'Kind en Gezin Leie', region: 'be' }),
      'nurse',
    );
    const created = await flemish.client.post('/api/families', {
      name: 'Peeters',
      postcode: '3000',
      municipality: 'Leuven',
      children: [
        { givenName: 'Lotte', familyName: 'Peeters', birthDate: '2025-07-01', nationalId: '25.07.01-001.87' },
      ],
      caregivers: [{ givenName: 'An', familyName: 'Peeters', role: 'mother', nationalId: '85073003328' }],
    });
    expect(created.status, created.text).toBe(201);
    const first = await exportOf(flemish, (created.json as { id: string }).id);
    expect(JSON.stringify(first)).toContain('85073003328');
    const imported = await receivingBe.client.post('/api/fhir/import', first);
    expect(imported.json).toMatchObject({ created: true });
    const second = await exportOf(receivingBe, (imported.json as { familyId: string }).familyId);
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('is idempotent: a second import of the same Bundle creates nothing and answers the same family', async () => {
    const created = await nurse.client.post('/api/families', {
      ...family,
      children: [{ ...family.children[0], nationalId: '999998456' }],
    });
    const bundle = await exportOf(nurse, (created.json as { id: string }).id);
    const count = async () => (await fresh.db.selectFrom('persons').select('id').execute()).length;
    const once = (await receiver.client.post('/api/fhir/import', bundle)).json as { familyId: string };
    const before = await count();
    const twice = await receiver.client.post('/api/fhir/import', bundle);
    expect(twice.json).toEqual({ familyId: once.familyId, created: false });
    expect(await count()).toBe(before);
    // Found by the child's BSN even when the sender's family id is gone (another system's Bundle).
    const withoutGroup = {
      ...bundle,
      entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Group'),
    };
    expect((await receiver.client.post('/api/fhir/import', withoutGroup)).json).toEqual({
      familyId: once.familyId,
      created: false,
    });
  });

  it('rejects invalid entries with a report naming them, and writes nothing', async () => {
    const created = await nurse.client.post('/api/families', family);
    const bundle = await exportOf(nurse, (created.json as { id: string }).id);
    const patientAt = bundle.entry.findIndex((e) => e.resource.resourceType === 'Patient');
    const personAt = bundle.entry.findIndex((e) => e.resource.resourceType === 'RelatedPerson');
    const broken = structuredClone(bundle);
    (broken.entry[patientAt] as { resource: Json }).resource.birthDate = '2025-02-30';
    (broken.entry[personAt] as { resource: Json }).resource.name = [];
    const families = async () => (await fresh.db.selectFrom('families').select('id').execute()).length;
    const before = await families();
    const res = await receiver.client.post('/api/fhir/import', broken);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: 'invalid_input',
      field: `entry.${patientAt}`,
      issues: [
        {
          path: `entry.${patientAt}`,
          code: 'invalid_date',
          params: { entry: patientAt, resourceType: 'Patient', fhirPath: 'Patient.birthDate' },
        },
        {
          path: `entry.${personAt}`,
          code: 'required',
          params: { entry: personAt, resourceType: 'RelatedPerson', fhirPath: 'RelatedPerson.name' },
        },
      ],
    });
    for (const bad of [
      { resourceType: 'Patient' },
      { resourceType: 'Bundle', entry: 'x' },
      { resourceType: 'Bundle', entry: [null] },
    ]) {
      const answer = await receiver.client.post('/api/fhir/import', bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await families()).toBe(before);
  });

  it('lets only care professionals import', async () => {
    const analyst = await actor(server, current().db, org, 'analyst');
    const res = await analyst.client.post('/api/fhir/import', {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [],
    });
    expect(res.status).toBe(403);
  });

  describe('transfer', () => {
    // A transfer hands over the whole file: the consent covers every share item unless a test narrows it.
    const consentFor = async (
      familyId: string,
      caregiverId: string,
      extra: { scope?: string[]; validUntil?: string } = {},
    ) => {
      const res = await nurse.client.post(`/api/families/${familyId}/consents`, {
        givenBy: caregiverId,
        purpose: 'Verhuizing: overdracht van het dossier',
        recipient: { kind: 'kind_en_gezin', name: 'Kind en Gezin Leuven' },
        scope: [...SHARE_ITEMS],
        ...extra,
      });
      expect(res.status).toBe(201);
      return (res.json as { id: string }).id;
    };
    // Without the child's BSN: the receiving database holds that child already (imported above).
    const newFamily = async () => {
      const children = family.children.map(
        ({ nationalId: _none, ...child }: { nationalId?: string }) => child,
      );
      const res = await nurse.client.post('/api/families', { ...family, children });
      const file = res.json as { id: string; caregivers: { id: string }[] };
      return { familyId: file.id, caregiverId: file.caregivers[0]!.id };
    };

    it('exports, records the transfer, ends the care relationships, and the receiver imports the Bundle', async () => {
      const { familyId, caregiverId } = await newFamily();
      const consentId = await consentFor(familyId, caregiverId);
      expect((await nurse.client.post(`/api/families/${familyId}/transfer`, { consentId })).status).toBe(403);
      const res = await lead.client.post(`/api/families/${familyId}/transfer`, { consentId });
      expect(res.status).toBe(200);
      const out = res.json as { transfer: Json; bundle: Bundle };
      expect(out.transfer).toMatchObject({
        familyId,
        toOrganisation: 'Kind en Gezin Leuven',
        consentId,
        transferredBy: lead.id,
      });
      expect(await lastAudit(current().db, lead.id)).toMatchObject({
        action: 'family.transfer',
        outcome: 'success',
        family_id: familyId,
      });
      // The sending side no longer has the family: off the worklist, the file closed.
      const worklist = await nurse.client.get('/api/worklist?limit=200');
      expect((worklist.json as { items: { familyId: string }[] }).items.map((i) => i.familyId)).not.toContain(
        familyId,
      );
      expect((await nurse.client.get(`/api/families/${familyId}`)).status).toBe(404);
      const imported = await receiver.client.post('/api/fhir/import', out.bundle);
      expect(imported.json).toMatchObject({ created: true });
    });

    it('is stopped by a withdrawn consent', async () => {
      const { familyId, caregiverId } = await newFamily();
      const consentId = await consentFor(familyId, caregiverId);
      expect((await nurse.client.post(`/api/consents/${consentId}/withdraw`)).status).toBe(200);
      const res = await lead.client.post(`/api/families/${familyId}/transfer`, { consentId });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ issues: [{ path: 'consentId', code: 'consent_withdrawn' }] });
      expect(
        await current()
          .db.selectFrom('family_transfers')
          .select('id')
          .where('family_id', '=', familyId)
          .execute(),
      ).toEqual([]);
      expect((await nurse.client.get(`/api/families/${familyId}`)).status).toBe(200);
    });

    const noTransfer = async (familyId: string) => {
      expect(
        await current()
          .db.selectFrom('family_transfers')
          .select('id')
          .where('family_id', '=', familyId)
          .execute(),
      ).toEqual([]);
      expect((await nurse.client.get(`/api/families/${familyId}`)).status).toBe(200);
    };

    it('is stopped by an expired consent', async () => {
      const { familyId, caregiverId } = await newFamily();
      const consentId = await consentFor(familyId, caregiverId, { validUntil: '2099-12-31' });
      // Expired from the day after its last valid day: move the end back through the database.
      await current()
        .db.updateTable('consents')
        .set({ valid_until: '2020-01-01' })
        .where('id', '=', consentId)
        .execute();
      const res = await lead.client.post(`/api/families/${familyId}/transfer`, { consentId });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ issues: [{ path: 'consentId', code: 'consent_expired' }] });
      await noTransfer(familyId);
    });

    it('is stopped by a consent that does not cover the whole file, naming what it leaves out', async () => {
      const { familyId, caregiverId } = await newFamily();
      // The reason and the referrer are stored with every consent (they go with every referral).
      const consentId = await consentFor(familyId, caregiverId, { scope: ['child_age', 'cues'] });
      const res = await lead.client.post(`/api/families/${familyId}/transfer`, { consentId });
      expect(res.status).toBe(422);
      const issue = (res.json as { issues: { path: string; code: string; params: { items: string } }[] })
        .issues[0];
      expect(issue).toMatchObject({ path: 'consentId', code: 'consent_scope' });
      expect(issue?.params.items.split(', ')).toEqual(
        SHARE_ITEMS.filter((i) => !['reason', 'referrer', 'child_age', 'cues'].includes(i)),
      );
      await noTransfer(familyId);
    });
  });
});
