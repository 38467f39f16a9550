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

forEachDatabase('audit search and access history', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let manager: Actor;
  let outsider: Actor;
  let familyId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    const other = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    manager = await actor(server, db, org, 'application_manager');
    outsider = await actor(server, db, other, 'nurse');
    const f = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
    familyId = f.familyId;
    await nurse.client.get(`/api/families/${familyId}`);
    await outsider.client.get(`/api/families/${familyId}`);
    await outsider.client.get('/api/worklist');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets the application manager search by family, user and period, and logs the search itself', async () => {
    const byFamily = await manager.client.get(`/api/audit?familyId=${familyId}`);
    expect(byFamily.status).toBe(200);
    const items = byFamily.json?.items as Array<{ action: string; userId: string; outcome: string }>;
    expect(items.map((i) => `${i.action}:${i.outcome}`)).toEqual([
      'access.denied:denied',
      'family.read:success',
    ]);
    expect(await lastAudit(current().db, manager.id)).toMatchObject({
      action: 'audit.read',
      outcome: 'success',
      basis: 'admin',
      purpose: 'audit',
      family_id: familyId,
    });

    const byUser = await manager.client.get(`/api/audit?userId=${nurse.id}&from=2026-03-02&to=2026-03-02`);
    expect(
      ((byUser.json?.items ?? []) as Array<{ userId: string }>).every((i) => i.userId === nurse.id),
    ).toBe(true);
    expect(byUser.json?.total).toBeGreaterThan(0);
    const before = await manager.client.get(`/api/audit?userId=${nurse.id}&to=2026-03-01`);
    expect(before.json).toMatchObject({ total: 0 });
  });

  it("never shows another organisation's own log lines", async () => {
    const res = await manager.client.get(`/api/audit?userId=${outsider.id}`);
    const actions = ((res.json?.items ?? []) as Array<{ action: string; familyId: string | null }>).map(
      (i) => i.action,
    );
    // The outsider's attempt on our family is ours to see; their own worklist and log-in are not.
    expect(actions).toEqual(['access.denied']);
  });

  it('is refused (and logged) for every other role', async () => {
    const res = await nurse.client.get('/api/audit');
    expect(res.status).toBe(403);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
    });
    expect((await manager.client.get('/api/audit?from=yesterday')).json).toMatchObject({ field: 'from' });
  });

  it("shows the family's professionals who looked at the file, when and why", async () => {
    const res = await nurse.client.get(`/api/families/${familyId}/access-log`);
    expect(res.status).toBe(200);
    const items = res.json?.items as Array<Record<string, unknown>>;
    // Newest first: the manager's audit search about this family counts as a look at it too.
    expect(items.map((i) => i.action)).toEqual(['audit.read', 'access.denied', 'family.read']);
    expect(items[1]).toMatchObject({
      action: 'access.denied',
      sameOrganisation: false,
      user: null,
      reason: null,
    });
    expect(items.at(-1)).toMatchObject({
      action: 'family.read',
      user: { id: nurse.id },
      role: 'nurse',
      basis: 'care_relationship',
      sameOrganisation: true,
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'family.access_log',
      family_id: familyId,
    });
    expect((await manager.client.get(`/api/families/${familyId}/access-log`)).status).toBe(404);
  });

  it('exports the complete record with its access history for a parent, audited as an export', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      childId: f.childId,
      type: 'consult',
      date: '2026-03-01',
      status: 'final',
      agreedBand: 'safe',
      cues: { shared_enjoyment: true },
      factors: { parent_stress: { value: 'present', reportedBy: 'parent' } },
      criteria: {},
      agreement: { text: 'Tips over slapen', nextTopicPermission: false, extraContact: false },
    });
    await nurse.client.get(`/api/families/${f.familyId}`);
    const res = await nurse.client.get(`/api/families/${f.familyId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="nestwerk-family-/);
    expect(res.json).toMatchObject({
      purpose: 'parent_request',
      family: { id: f.familyId, children: [{ id: f.childId }], caregivers: [{ id: f.caregiverId }] },
      contacts: [
        {
          contact: { cues: { shared_enjoyment: true }, factors: { parent_stress: { value: 'present' } } },
          assessment: { knowledgeVersion: expect.any(String) },
        },
      ],
    });
    const history = res.json?.accessHistory as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(['contact.create', 'family.read']);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'export',
      purpose: 'parent_request',
      family_id: f.familyId,
    });
  });
});
