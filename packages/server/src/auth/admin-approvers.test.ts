import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, type Org } from '../testing/world.ts';

/**
 * A request must have someone who may decide it when it is made: otherwise it waits a week for nobody and
 * expires without a word. A team without a lead falls back to another team lead of the organisation; an
 * organisation with nobody at all is told so at once, with a code the web translates.
 */
forEachDatabase('four eyes: someone can always decide a request', (current) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function requestCount(org: Org): Promise<number> {
    const rows = await current()
      .db.selectFrom('approval_requests')
      .select('id')
      .where('organisation_id', '=', org.organisationId)
      .execute();
    return rows.length;
  }

  /** The manager asks for a new nurse's account in `teamId`. */
  function requestNurse(manager: Actor, email: string, teamId: string) {
    return manager.client.post('/api/admin/users', {
      email,
      displayName: 'Nieuwe Verpleegkundige',
      role: 'nurse',
      teamId,
    });
  }

  async function notified(user: Actor): Promise<string[]> {
    const rows = await current()
      .db.selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', user.id)
      .execute();
    return rows.map((r) => r.kind);
  }

  it('lets another team lead decide for a team that has no lead of its own', async () => {
    const org = await createOrg(current().db);
    const manager = await actor(server, current().db, org, 'application_manager');
    // Team Noord has a lead; Team Zuid (org.otherTeamId) has none.
    const leadNoord = await actor(server, current().db, org, 'team_lead');
    const created = await requestNurse(manager, 'zuid.vpk@ggd.example', org.otherTeamId);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      outcome: 'pending_approval',
      request: { approver: { role: 'team_lead', team: null } },
    });
    expect(await notified(leadNoord)).toContain('approval_requested');
    const id = String((created.json?.request as { id?: string } | undefined)?.id);
    const approved = await leadNoord.client.post(`/api/admin/approvals/${id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const password = String(approved.json?.temporaryPassword);
    const login = await new ApiClient(server.url).post('/api/session', {
      email: 'zuid.vpk@ggd.example',
      password,
    });
    expect(login.status).toBe(200);
  });

  it('keeps the team’s own lead as the approver while the team has one', async () => {
    const org = await createOrg(current().db);
    const manager = await actor(server, current().db, org, 'application_manager');
    await actor(server, current().db, org, 'team_lead', { team: 'other' });
    const created = await requestNurse(manager, 'zuid.vpk2@ggd.example', org.otherTeamId);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      request: { approver: { role: 'team_lead', team: { id: org.otherTeamId, name: 'Team Zuid' } } },
    });
  });

  it('refuses at once, and stores nothing, when the organisation has no team lead who may decide', async () => {
    const org = await createOrg(current().db);
    const manager = await actor(server, current().db, org, 'application_manager');
    // A disabled team lead decides nothing.
    const gone = await actor(server, current().db, org, 'team_lead');
    await current()
      .db.updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', gone.id)
      .execute();
    const created = await requestNurse(manager, 'noord.vpk@ggd.example', org.teamId);
    expect(created.status, created.text).toBe(409);
    expect(created.json).toMatchObject({
      error: 'conflict',
      field: 'approver',
      issues: [{ path: 'approver', code: 'no_team_lead' }],
    });
    expect(await requestCount(org)).toBe(0);
    // The only team lead's own reset: a team lead may not decide about their own account.
    const lead = await actor(server, current().db, org, 'team_lead');
    const reset = await manager.client.post(`/api/admin/users/${lead.id}/reset-password`, {
      resetTotp: false,
    });
    expect(reset.status, reset.text).toBe(409);
    expect(reset.json).toMatchObject({ issues: [{ path: 'approver', code: 'no_team_lead' }] });
    expect(await requestCount(org)).toBe(0);
  });

  it('refuses a change only another application manager may approve when there is none, and accepts it once there is', async () => {
    const org = await createOrg(current().db);
    const manager = await actor(server, current().db, org, 'application_manager');
    const analyst = await actor(server, current().db, org, 'analyst');
    const path = `/api/admin/users/${analyst.id}/reset-password`;
    const refused = await manager.client.post(path, { resetTotp: false });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json).toMatchObject({ issues: [{ path: 'approver', code: 'no_application_manager' }] });
    expect(await requestCount(org)).toBe(0);

    const second = await actor(server, current().db, org, 'application_manager');
    const accepted = await manager.client.post(path, { resetTotp: false });
    expect(accepted.status, accepted.text).toBe(201);
    expect(await notified(second)).toContain('approval_requested');
  });
});
