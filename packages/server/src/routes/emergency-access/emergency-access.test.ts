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

const REASON = 'Nachtdienst: huisarts meldt acute zorgen, eigen verpleegkundige afwezig';

forEachDatabase('emergency access', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let lead: Actor;
  let manager: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
    lead = await actor(server, current().db, org, 'team_lead');
    manager = await actor(server, current().db, org, 'application_manager');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function strangerFamily() {
    const f = await seedFamily(current().db, org.organisationId, manager.id);
    await relate(current().db, f.familyId, { teamId: org.otherTeamId }, manager.id);
    return f;
  }

  it('needs a written reason of at least 20 characters', async () => {
    const f = await strangerFamily();
    const res = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason: 'spoed' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_input', field: 'reason' });
  });

  it('opens the file for four hours, audits every access with the reason, then closes it again', async () => {
    const f = await strangerFamily();
    expect((await nurse.client.get(`/api/families/${f.familyId}`)).status).toBe(404);

    const opened = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, {
      reason: REASON,
    });
    expect(opened.status).toBe(201);
    const expiresAt = String(opened.json?.expiresAt);
    expect(Date.parse(expiresAt) - server.clock.now().getTime()).toBe(4 * 3_600_000);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'emergency_access.start',
      outcome: 'success',
      basis: 'emergency',
      basis_detail: REASON,
      family_id: f.familyId,
    });

    const read = await nurse.client.get(`/api/families/${f.familyId}`);
    expect(read.status).toBe(200);
    expect(read.json?.access).toEqual({ basis: 'emergency', emergencyExpiresAt: expiresAt });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'family.read',
      basis: 'emergency',
      basis_detail: REASON,
    });
    // Read-only: the export (like every change) is refused, and the refusal says why.
    expect((await nurse.client.get(`/api/families/${f.familyId}/export`)).status).toBe(403);

    // Four hours later (moving the row back in time: moving the clock would end the session too).
    await current()
      .db.updateTable('emergency_access')
      .set({ expires_at: new Date(server.clock.now().getTime() - 1).toISOString() })
      .where('id', '=', String(opened.json?.id))
      .execute();
    expect((await nurse.client.get(`/api/families/${f.familyId}`)).status).toBe(404);
  });

  it('is not available across organisations, and reveals nothing there', async () => {
    const other = await createOrg(current().db);
    const f = await seedFamily(current().db, other.organisationId, manager.id);
    const res = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason: REASON });
    const missing = await nurse.client.post(
      '/api/families/0190b3c4-dead-7000-8000-00000000beef/emergency-access',
      {
        reason: REASON,
      },
    );
    expect(res.status).toBe(404);
    expect(res.text).toBe(missing.text);
    const rows = await current()
      .db.selectFrom('emergency_access')
      .select('id')
      .where('family_id', '=', f.familyId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('is not available to roles without family content', async () => {
    const f = await strangerFamily();
    const res = await manager.client.post(`/api/families/${f.familyId}/emergency-access`, { reason: REASON });
    expect(res.status).toBe(404);
  });

  it('is flagged for review: listed for the team lead and the application manager until reviewed', async () => {
    const f = await strangerFamily();
    await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason: REASON });

    for (const reviewer of [lead, manager]) {
      const list = await reviewer.client.get('/api/emergency-access');
      expect(list.status).toBe(200);
      const items = list.json?.items as Array<{
        id: string;
        familyId: string;
        reason: string;
        user: { id: string };
      }>;
      expect(
        items.some((i) => i.familyId === f.familyId && i.user.id === nurse.id && i.reason === REASON),
      ).toBe(true);
      expect(await lastAudit(current().db, reviewer.id)).toMatchObject({ action: 'emergency_access.list' });
    }
    expect((await nurse.client.get('/api/emergency-access')).status).toBe(403);

    const queue = (await lead.client.get('/api/emergency-access')).json?.items ?? [];
    const item = (queue as Array<{ id: string; familyId: string }>).find((i) => i.familyId === f.familyId);
    const selfReview = await nurse.client.post(`/api/emergency-access/${item?.id}/review`);
    expect(selfReview.status).toBe(403);

    const reviewed = await lead.client.post(`/api/emergency-access/${item?.id}/review`);
    expect(reviewed.status).toBe(200);
    expect(reviewed.json).toMatchObject({ reviewedBy: { id: lead.id }, reviewedAt: expect.any(String) });
    expect(await lastAudit(current().db, lead.id)).toMatchObject({
      action: 'emergency_access.review',
      family_id: f.familyId,
    });
    expect((await manager.client.post(`/api/emergency-access/${item?.id}/review`)).status).toBe(409);

    const open = (await manager.client.get('/api/emergency-access')).json?.items as Array<{ id: string }>;
    expect(open.some((i) => i.id === item?.id)).toBe(false);
    const done = (await manager.client.get('/api/emergency-access?reviewed=true')).json?.items as Array<{
      id: string;
    }>;
    expect(done.some((i) => i.id === item?.id)).toBe(true);
  });

  it('renews only on a new reason, as a new event with its own notice and review', async () => {
    const f = await strangerFamily();
    const first = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason: REASON });
    expect(first.status).toBe(201);
    server.clock.advanceMinutes(30);
    const same = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, {
      reason: `  ${REASON.toUpperCase()} `,
    });
    expect(same.status).toBe(422);
    expect(same.json).toMatchObject({ error: 'unprocessable', field: 'reason' });

    const renewed = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, {
      reason: 'Nog steeds geen bereikbare eigen verpleegkundige, ouders bellen opnieuw',
    });
    expect(renewed.status).toBe(201);
    expect(Date.parse(String(renewed.json?.expiresAt)) - server.clock.now().getTime()).toBe(4 * 3_600_000);
    const rows = await current()
      .db.selectFrom('emergency_access')
      .select(['id', 'expires_at', 'renews_id'])
      .where('family_id', '=', f.familyId)
      .orderBy('started_at')
      .execute();
    expect(rows).toEqual([
      { id: first.json?.id, expires_at: server.clock.now().toISOString(), renews_id: null },
      { id: renewed.json?.id, expires_at: renewed.json?.expiresAt, renews_id: first.json?.id },
    ]);
    const notices = await current()
      .db.selectFrom('notifications')
      .select(['user_id', 'emergency_access_id'])
      .where('kind', '=', 'emergency_access')
      .where('emergency_access_id', 'in', [String(first.json?.id), String(renewed.json?.id)])
      .execute();
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => n.user_id === lead.id)).toBe(true);
    const queue = (await lead.client.get('/api/emergency-access')).json?.items as Array<{
      id: string;
      renewsId: string | null;
    }>;
    expect(queue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: first.json?.id, renewsId: null }),
        expect.objectContaining({ id: renewed.json?.id, renewsId: first.json?.id }),
      ]),
    );
  });

  it('never counts longer than the configured hours, whatever the row says', async () => {
    const f = await strangerFamily();
    const opened = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, {
      reason: 'Weekenddienst: melding van de huisarts over ernstige zorgen',
    });
    expect((await nurse.client.get(`/api/families/${f.familyId}`)).status).toBe(200);
    // A grant started five hours ago with an expiry far ahead (a longer setting, or an edited row).
    await current()
      .db.updateTable('emergency_access')
      .set({
        started_at: new Date(server.clock.now().getTime() - 5 * 3_600_000).toISOString(),
        expires_at: new Date(server.clock.now().getTime() + 48 * 3_600_000).toISOString(),
      })
      .where('id', '=', String(opened.json?.id))
      .execute();
    expect((await nurse.client.get(`/api/families/${f.familyId}`)).status).toBe(404);
  });

  it('lasts the configured time', async () => {
    const short = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: { emergencyAccessHours: 1 },
    });
    try {
      const someone = await actor(short, current().db, org, 'physician');
      const f = await strangerFamily();
      const opened = await someone.client.post(`/api/families/${f.familyId}/emergency-access`, {
        reason: 'Avonddienst: consult over acute zorgen om de baby',
      });
      expect(opened.status).toBe(201);
      expect(Date.parse(String(opened.json?.expiresAt)) - short.clock.now().getTime()).toBe(3_600_000);
    } finally {
      await short.close();
    }
  });
});
