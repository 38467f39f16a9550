import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import {
  type Actor,
  actor,
  createOrg,
  lastAudit,
  type Org,
  relate,
  seedFamily,
} from '../../testing/world.ts';

forEachDatabase('consents API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records a consent (who, purpose, recipient, until) and a timestamped withdrawal', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const given = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
      givenBy: f.caregiverId,
      purpose: 'Aanmelding bij het IMH-team voor video-interactiebegeleiding',
      recipient: { kind: 'imh_specialist', name: 'IMH-team Veldland' },
      scope: ['cues', 'child_age'],
      validUntil: '2026-09-01',
    });
    expect(given.status).toBe(201);
    expect(given.json).toMatchObject({
      givenBy: { id: f.caregiverId, name: `Sanne ${f.name}` },
      recipient: 'IMH-team Veldland',
      recipientPartnerId: null,
      recipientKind: 'imh_specialist',
      scope: ['reason', 'referrer', 'child_age', 'cues'],
      legacy: false,
      givenAt: '2026-03-02T09:00:00.000Z',
      validUntil: '2026-09-01',
      withdrawnAt: null,
      status: 'active',
      recordedBy: nurse.id,
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'consent.give',
      family_id: f.familyId,
      person_ids: JSON.stringify([f.caregiverId]),
    });

    server.clock.advanceMinutes(5);
    const withdrawn = await nurse.client.post(`/api/consents/${given.json?.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-03-02T09:05:00.000Z',
      version: 2,
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'consent.withdraw',
      outcome: 'success',
    });

    const again = await nurse.client.post(`/api/consents/${given.json?.id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      error: 'conflict',
      current: { withdrawnAt: '2026-03-02T09:05:00.000Z' },
    });

    const file = await nurse.client.get(`/api/families/${f.familyId}`);
    expect(file.json?.consents).toEqual([
      expect.objectContaining({ id: given.json?.id, status: 'withdrawn' }),
    ]);
  });

  it('only takes consent from a caregiver of this family', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const byChild = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
      givenBy: f.childId,
      purpose: 'Overleg met de huisarts',
      recipient: { kind: 'gp', name: 'Huisarts' },
      scope: ['child_age'],
    });
    expect(byChild.status).toBe(400);
    expect(byChild.json).toMatchObject({ error: 'invalid_input', field: 'givenBy' });
    const expired = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
      givenBy: f.caregiverId,
      purpose: 'Overleg met de huisarts',
      recipient: { kind: 'gp', name: 'Huisarts' },
      scope: ['child_age'],
      validUntil: '2020-01-01',
    });
    expect(expired.json).toMatchObject({ error: 'invalid_input', field: 'validUntil' });
  });
});
