import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import type { Database } from '../db/schema.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, type Org, relate, seedFamily } from '../testing/world.ts';

const MISSING_FAMILY = '0190b3c4-dead-7000-8000-00000000beef';

function requestId(json: Record<string, unknown> | null | undefined): string {
  return String((json?.request as { id?: string } | undefined)?.id);
}

async function notificationKinds(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.kind);
}

async function auditActions(
  db: Kysely<Database>,
  userId: string,
): Promise<{ action: string; outcome: string }[]> {
  return db
    .selectFrom('audit_log')
    .select(['action', 'outcome'])
    .where('user_id', '=', userId)
    .where('action', 'like', 'admin.%')
    .orderBy('seq')
    .execute();
}

forEachDatabase('four eyes and the user lifecycle', (current) => {
  let server: TestServer;
  let org: Org;
  let beheer: Actor;
  let otherManager: Actor;
  let leadNoord: Actor;
  let leadZuid: Actor;

  async function logIn(email: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', { email, password });
    expect(res.status, res.text).toBe(200);
    return client;
  }

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({
      db,
      dialect: current().dialect,
      config: {
        login: {
          maxFailuresPerAccount: 10,
          lockMinutes: 15,
          maxAttemptsPerIp: 10_000,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
    org = await createOrg(db, { name: 'JGZ Vierogen' });
    beheer = await actor(server, db, org, 'application_manager');
    otherManager = await actor(server, db, org, 'application_manager');
    leadNoord = await actor(server, db, org, 'team_lead');
    leadZuid = await actor(server, db, org, 'team_lead', { team: 'other' });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('creating a clinical user', () => {
    it('gives beheer@ no account and no password for a team lead until another team lead approves', async () => {
      const email = 'nieuwe.teamleider@ggd.example';
      const created = await beheer.client.post('/api/admin/users', {
        email,
        displayName: 'Nieuwe Teamleider',
        role: 'team_lead',
        teamId: org.teamId,
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        outcome: 'pending_approval',
        request: {
          kind: 'create_user',
          status: 'pending',
          target: null,
          approver: { role: 'team_lead', team: null },
          canDecide: false,
          canCancel: true,
        },
      });
      expect(JSON.stringify(created.json)).not.toMatch(/temporaryPassword/);
      const exists = await current().db.selectFrom('users').select('id').where('email', '=', email).execute();
      expect(exists).toEqual([]);

      const id = requestId(created.json);
      // The requester, and another application manager, cannot approve a clinical account.
      for (const who of [beheer, otherManager]) {
        const res = await who.client.post(`/api/admin/approvals/${id}/approve`, {});
        expect(res.status, who.email).toBe(403);
        expect(res.json).toMatchObject({ error: 'forbidden' });
      }
      expect(await auditActions(current().db, beheer.id)).toContainEqual({
        action: 'admin.approval.approve',
        outcome: 'denied',
      });
      // Team leads were told it waits for them.
      expect(await notificationKinds(current().db, leadZuid.id)).toContain('approval_requested');

      const approved = await leadZuid.client.post(`/api/admin/approvals/${id}/approve`, {
        note: 'Start 1 mei',
      });
      expect(approved.status, approved.text).toBe(200);
      expect(approved.json).toMatchObject({
        request: { status: 'approved', decidedBy: { id: leadZuid.id }, target: { email } },
      });
      const temporary = String(approved.json?.temporaryPassword);
      expect(
        (await new ApiClient(server.url).post('/api/session', { email, password: temporary })).status,
      ).toBe(200);
      expect(await notificationKinds(current().db, beheer.id)).toContain('approval_decided');
      // A decided request cannot be decided again.
      expect((await leadNoord.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(409);
    });

    it('lets only the lead of the nurse’s own team approve her account', async () => {
      const created = await beheer.client.post('/api/admin/users', {
        email: 'nieuwe.vpk@ggd.example',
        displayName: 'Nieuwe Verpleegkundige',
        role: 'nurse',
        teamId: org.teamId,
      });
      const id = requestId(created.json);
      const wrongTeam = await leadZuid.client.post(`/api/admin/approvals/${id}/approve`, {});
      expect(wrongTeam.status).toBe(403);
      const list = await leadZuid.client.get('/api/admin/approvals');
      expect(((list.json?.items ?? []) as { id: string }[]).map((r) => r.id)).not.toContain(id);
      const mine = await leadNoord.client.get('/api/admin/approvals');
      expect(mine.json?.items).toContainEqual(expect.objectContaining({ id, canDecide: true }));
      const rejected = await leadNoord.client.post(`/api/admin/approvals/${id}/reject`, { note: 'Onbekend' });
      expect(rejected.json).toMatchObject({ request: { status: 'rejected', decisionNote: 'Onbekend' } });
      const exists = await current()
        .db.selectFrom('users')
        .select('id')
        .where('email', '=', 'nieuwe.vpk@ggd.example')
        .execute();
      expect(exists).toEqual([]);
    });
  });

  describe('taking over an account', () => {
    it('changes nothing on beheer@’s word alone, tells the user, and hands the password to the approver', async () => {
      const nurse = await actor(server, current().db, org, 'nurse');
      const reset = await beheer.client.post(`/api/admin/users/${nurse.id}/reset-password`, {
        resetTotp: true,
      });
      expect(reset.status).toBe(201);
      expect(reset.json).toMatchObject({
        request: {
          kind: 'reset_credentials',
          details: { resetTotp: true },
          approver: { team: { id: org.teamId } },
        },
      });
      expect(JSON.stringify(reset.json)).not.toMatch(/temporaryPassword/);
      // The user keeps working and can still log in with their own password; they are told of the request.
      expect((await nurse.client.get('/api/session')).status).toBe(200);
      await logIn(nurse.email, nurse.password);
      expect(await notificationKinds(current().db, nurse.id)).toEqual(['account_change_requested']);

      const id = requestId(reset.json);
      const self = await beheer.client.post(`/api/admin/approvals/${id}/approve`, {});
      expect(self.status).toBe(403);
      expect(String(self.json?.message)).toMatch(/own request/);
      // A second request for the same change while one waits is refused.
      expect((await beheer.client.post(`/api/admin/users/${nurse.id}/reset-password`, {})).status).toBe(409);

      const approved = await leadNoord.client.post(`/api/admin/approvals/${id}/approve`, {});
      expect(approved.status).toBe(200);
      expect((await nurse.client.get('/api/session')).status).toBe(401);
      expect(await notificationKinds(current().db, nurse.id)).toEqual([
        'account_change_requested',
        'account_changed',
      ]);
      const login = await new ApiClient(server.url).post('/api/session', {
        email: nurse.email,
        password: String(approved.json?.temporaryPassword),
      });
      // A demo account (no second factor in tests); the temporary password must be changed first.
      expect(login.json).toMatchObject({ user: { mustChangePassword: true } });
    });

    it('refuses the user to approve a request about their own account', async () => {
      const reset = await beheer.client.post(`/api/admin/users/${leadNoord.id}/reset-password`, {});
      const id = requestId(reset.json);
      expect(reset.json).toMatchObject({ request: { approver: { role: 'team_lead', team: null } } });
      expect((await leadNoord.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(403);
      const cancelled = await beheer.client.post(`/api/admin/approvals/${id}/cancel`, {});
      expect(cancelled.json).toMatchObject({ request: { status: 'cancelled' } });
    });

    it('does not let the application manager approve a reset of their own account either', async () => {
      // With two managers nobody else may decide it: refused at once (admin-approvers.test.ts); a third may.
      const alone = await otherManager.client.post(`/api/admin/users/${beheer.id}/reset-password`, {});
      expect(alone.json).toMatchObject({ issues: [{ path: 'approver', code: 'no_application_manager' }] });
      const third = await actor(server, current().db, org, 'application_manager');
      const reset = await otherManager.client.post(`/api/admin/users/${beheer.id}/reset-password`, {});
      expect(reset.json).toMatchObject({ request: { approver: { role: 'application_manager' } } });
      const id = requestId(reset.json);
      expect((await beheer.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(403);
      expect((await otherManager.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(403);
      expect(reset.json).toMatchObject({ request: { canDecide: false } });
      const listed = await third.client.get('/api/admin/approvals');
      const items = (listed.json?.items ?? []) as { id: string; canDecide: boolean }[];
      expect(items.find((r) => r.id === id)).toMatchObject({ canDecide: true });
      await otherManager.client.post(`/api/admin/approvals/${id}/cancel`, {});
    });
  });

  describe('lifecycle', () => {
    it('ends a disabled user’s session at the next request and refuses their log-in', async () => {
      const nurse = await actor(server, current().db, org, 'nurse');
      expect((await nurse.client.get('/api/worklist')).status).toBe(200);
      const res = await beheer.client.post(`/api/admin/users/${nurse.id}/disable`, {});
      expect(res.json).toMatchObject({ user: { id: nurse.id, disabled: true } });
      expect((await nurse.client.get('/api/worklist')).status).toBe(401);
      const again = await new ApiClient(server.url).post('/api/session', {
        email: nurse.email,
        password: nurse.password,
      });
      expect(again.status).toBe(401);
      expect(await auditActions(current().db, beheer.id)).toContainEqual({
        action: 'admin.user.disable',
        outcome: 'success',
      });

      // Re-enabling a clinical account is a request for the team lead.
      const enable = await beheer.client.post(`/api/admin/users/${nurse.id}/enable`, {});
      expect(enable.json).toMatchObject({ outcome: 'pending_approval', request: { kind: 'enable_user' } });
      await leadNoord.client.post(`/api/admin/approvals/${requestId(enable.json)}/approve`, {});
      await logIn(nurse.email, nurse.password);
    });

    it('answers an ended care relationship with the same 404 as a family that does not exist', async () => {
      const nurse = await actor(server, current().db, org, 'nurse', { team: 'other' });
      const family = await seedFamily(current().db, org.organisationId, nurse.id);
      await relate(current().db, family.familyId, { userId: nurse.id }, nurse.id);
      expect((await nurse.client.get(`/api/families/${family.familyId}`)).status).toBe(200);

      const rels = await beheer.client.get(`/api/admin/users/${nurse.id}/care-relationships`);
      const rel = ((rels.json?.items ?? []) as { id: string; familyId: string; active: boolean }[])[0];
      expect(rel).toMatchObject({ familyId: family.familyId, active: true });
      const ended = await beheer.client.post(`/api/admin/care-relationships/${rel?.id}/end`, {});
      expect(ended.json).toMatchObject({ relationship: { active: false } });

      const denied = await nurse.client.get(`/api/families/${family.familyId}`);
      const missing = await nurse.client.get(`/api/families/${MISSING_FAMILY}`);
      expect(denied.status).toBe(404);
      expect(denied.text).toBe(missing.text);
      const audit = await current()
        .db.selectFrom('audit_log')
        .select(['action', 'family_id'])
        .where('user_id', '=', beheer.id)
        .where('action', '=', 'admin.care_relationship.end')
        .execute();
      expect(audit).toContainEqual({ action: 'admin.care_relationship.end', family_id: family.familyId });
    });

    it('offboards: disabled, every relationship ended, pending requests withdrawn', async () => {
      const physician = await actor(server, current().db, org, 'physician');
      const families = await Promise.all(
        [1, 2].map(() => seedFamily(current().db, org.organisationId, physician.id)),
      );
      for (const f of families)
        await relate(current().db, f.familyId, { userId: physician.id }, physician.id);
      const pending = await beheer.client.post(`/api/admin/users/${physician.id}/assignment`, {
        role: 'team_lead',
        teamId: org.teamId,
      });
      const res = await beheer.client.post(`/api/admin/users/${physician.id}/offboard`, {});
      expect(res.json).toMatchObject({ user: { disabled: true }, endedRelationships: 2 });
      expect((await physician.client.get('/api/worklist')).status).toBe(401);
      const rels = await beheer.client.get(`/api/admin/users/${physician.id}/care-relationships`);
      expect(((rels.json?.items ?? []) as { active: boolean }[]).map((r) => r.active)).toEqual([
        false,
        false,
      ]);
      const approve = await leadNoord.client.post(
        `/api/admin/approvals/${requestId(pending.json)}/approve`,
        {},
      );
      expect(approve.status).toBe(409);
    });

    it('changes role and team only when the lead of the new team approves; sessions end', async () => {
      const nurse = await actor(server, current().db, org, 'nurse');
      const change = await beheer.client.post(`/api/admin/users/${nurse.id}/assignment`, {
        role: 'physician',
        teamId: org.otherTeamId,
      });
      expect(change.json).toMatchObject({
        request: {
          kind: 'change_assignment',
          approver: { role: 'team_lead', team: { id: org.otherTeamId } },
        },
      });
      const id = requestId(change.json);
      expect((await leadNoord.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(403);
      expect((await nurse.client.get('/api/session')).json?.user).toMatchObject({ role: 'nurse' });
      expect((await leadZuid.client.post(`/api/admin/approvals/${id}/approve`, {})).status).toBe(200);
      expect((await nurse.client.get('/api/session')).status).toBe(401);
      const again = await logIn(nurse.email, nurse.password);
      expect((await again.get('/api/session')).json?.user).toMatchObject({
        role: 'physician',
        team: { id: org.otherTeamId },
      });
    });

    it('leaves an audit chain that verifies', async () => {
      expect((await verifyAuditChain(current().db)).ok).toBe(true);
    });
  });
});
