import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createTestOrganisation, createTestUser, type TestUser } from './test-users.ts';

function emailsOf(res: ApiResponse): string[] {
  const items = (res.json?.items ?? []) as { email: string }[];
  return items.map((u) => u.email);
}

forEachDatabase('user administration and password change', (current) => {
  let server: TestServer;
  let org: { organisationId: string; teamId: string };
  let manager: TestUser;
  let admin: ApiClient;
  let lead: ApiClient;

  /** Four eyes: the team lead approves what the manager asked; the temporary password comes back to the lead. */
  async function approved(created: ApiResponse): Promise<string> {
    const requestId = (created.json?.request as { id?: string } | undefined)?.id;
    const res = await lead.post(`/api/admin/approvals/${String(requestId)}/approve`, {});
    expect(res.status, res.text).toBe(200);
    return String(res.json?.temporaryPassword);
  }

  async function logIn(email: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', { email, password });
    expect(res.status).toBe(200);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createTestOrganisation(current().db);
    manager = await createTestUser(current().db, org, {
      email: 'beheer@ggd.example',
      role: 'application_manager',
      isDemo: true,
    });
    admin = await logIn(manager.email, manager.password);
    const teamLead = await createTestUser(current().db, org, {
      email: 'teamleider@ggd.example',
      role: 'team_lead',
      isDemo: true,
    });
    lead = await logIn(teamLead.email, teamLead.password);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets the application manager list and create users; a clinical account waits for a team lead', async () => {
    const created = await admin.post('/api/admin/users', {
      email: 'New.Analyst@GGD.example',
      displayName: 'Nieuwe Analist',
      role: 'analyst',
      teamId: null,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      outcome: 'created',
      user: {
        email: 'new.analyst@ggd.example',
        role: 'analyst',
        mustChangePassword: true,
        totpEnrolled: false,
        team: null,
      },
    });
    expect(String(created.json?.temporaryPassword)).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const nurse = await admin.post('/api/admin/users', {
      email: 'New.Nurse@GGD.example',
      displayName: 'Nieuwe Verpleegkundige',
      role: 'nurse',
      teamId: org.teamId,
    });
    expect(nurse.status).toBe(201);
    expect(nurse.json).toMatchObject({
      outcome: 'pending_approval',
      request: {
        kind: 'create_user',
        status: 'pending',
        details: { role: 'nurse', team: { id: org.teamId } },
      },
    });
    expect(nurse.json).not.toHaveProperty('temporaryPassword');
    const temporary = await approved(nurse);
    expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const duplicate = await admin.post('/api/admin/users', {
      email: 'new.nurse@ggd.example',
      displayName: 'X',
      role: 'nurse',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ error: 'conflict', field: 'email' });

    const list = await admin.get('/api/admin/users?limit=50');
    expect(list.status).toBe(200);
    const emails = emailsOf(list);
    expect(emails).toContain('new.nurse@ggd.example');
    expect(emails).toContain('new.analyst@ggd.example');
    expect(emails).toContain(manager.email);
  });

  it('does not reveal that an e-mail address has an account in another organisation', async () => {
    const otherOrg = await createTestOrganisation(current().db, 'GGD Elders');
    const outsider = await createTestUser(current().db, otherOrg, { email: 'taken.elsewhere@ggd.example' });
    const before = await current()
      .db.selectFrom('users')
      .selectAll()
      .where('id', '=', outsider.id)
      .executeTakeFirstOrThrow();

    const fresh = await admin.post('/api/admin/users', {
      email: 'really.new@ggd.example',
      displayName: 'Echt Nieuw',
      // A role without clinical access is created at once; clinical roles wait for a second approval.
      role: 'analyst',
      teamId: org.teamId,
    });
    const probe = await admin.post('/api/admin/users', {
      email: 'Taken.Elsewhere@ggd.example',
      displayName: 'Probe',
      role: 'analyst',
      teamId: org.teamId,
    });
    // Same status, same fields, same kinds of values as a real creation.
    expect(probe.status).toBe(fresh.status);
    expect(probe.status).toBe(201);
    const shape = (r: typeof fresh) =>
      JSON.stringify(r.json, (_k, v) => (typeof v === 'string' ? 'S' : (v as unknown)));
    expect(shape(probe)).toBe(shape(fresh));
    expect(probe.json?.user).toMatchObject({
      email: 'taken.elsewhere@ggd.example',
      team: { id: org.teamId },
    });

    // Nothing changed for the other organisation's user, and the temporary password opens nothing.
    const after = await current()
      .db.selectFrom('users')
      .selectAll()
      .where('id', '=', outsider.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const attempt = await new ApiClient(server.url).post('/api/session', {
      email: outsider.email,
      password: String(probe.json?.temporaryPassword),
    });
    expect(attempt.status).toBe(401);

    // The attempt is on record for the operators, but not in the organisation's own audit search.
    const ownSearch = await admin.get(`/api/audit?userId=${manager.id}&limit=100`);
    expect(ownSearch.status).toBe(200);
    expect(JSON.stringify(ownSearch.json)).not.toMatch(/denied|email_in_other_organisation/);
    const denied = await current()
      .db.selectFrom('audit_log')
      .select(['outcome', 'details_json'])
      .where('action', '=', 'admin.user.create')
      .where('user_id', '=', manager.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([
      { outcome: 'denied', details_json: expect.stringContaining('email_in_other_organisation') },
    ]);

    // A clinical role is a request either way: the same answer for an address elsewhere as for a new one.
    const freshNurse = await admin.post('/api/admin/users', {
      email: 'nieuwe.verpleegkundige@ggd.example',
      displayName: 'Nieuw',
      role: 'nurse',
      teamId: org.teamId,
    });
    const probeNurse = await admin.post('/api/admin/users', {
      email: 'taken.elsewhere@ggd.example',
      displayName: 'Probe',
      role: 'nurse',
      teamId: org.teamId,
    });
    expect(probeNurse.status).toBe(freshNurse.status);
    expect(shape(probeNurse)).toBe(shape(freshNurse));
  });

  it('names the field of bad input', async () => {
    const bad = await admin.post('/api/admin/users', {
      email: 'not-an-email',
      displayName: 'X',
      role: 'nurse',
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_input', field: 'email' });
    const role = await admin.post('/api/admin/users', {
      email: 'a@b.example',
      displayName: 'X',
      role: 'root',
    });
    expect(role.json).toMatchObject({ error: 'invalid_input', field: 'role' });
    const query = await admin.get('/api/admin/users?limit=100000');
    expect(query.json).toMatchObject({ error: 'invalid_input', field: 'limit' });
    const param = await admin.post('/api/admin/users/not-a-uuid/reset-password');
    expect(param.json).toMatchObject({ error: 'invalid_input', field: 'id' });
  });

  it('refuses user administration to other roles', async () => {
    const nurse = await createTestUser(current().db, org, { email: 'plain.nurse@ggd.example', isDemo: true });
    const client = await logIn(nurse.email, nurse.password);
    expect((await client.get('/api/admin/users')).status).toBe(403);
    expect((await client.post(`/api/admin/users/${nurse.id}/reset-password`)).json).toMatchObject({
      error: 'forbidden',
    });
  });

  it('resets a password: sessions end, the temporary password must be changed before anything else', async () => {
    const nurse = await createTestUser(current().db, org, { email: 'forgetful@ggd.example', isDemo: true });
    const before = await logIn(nurse.email, nurse.password);

    const reset = await admin.post(`/api/admin/users/${nurse.id}/reset-password`, {});
    expect(reset.status).toBe(201);
    // Nothing changes until a second person approves.
    expect((await before.get('/api/session')).status).toBe(200);
    const temporary = await approved(reset);
    expect((await before.get('/api/session')).status).toBe(401);
    expect(
      (await new ApiClient(server.url).post('/api/session', { email: nurse.email, password: nurse.password }))
        .status,
    ).toBe(401);

    const client = await logIn(nurse.email, temporary);
    const me = await client.get('/api/session');
    expect(me.json?.user).toMatchObject({ mustChangePassword: true });
    // Anything but the session endpoints waits for the new password.
    const gated = await client.get('/api/admin/users');
    expect(gated.status).toBe(403);
    expect(gated.json).toMatchObject({ error: 'forbidden', reason: 'password_change_required' });
    expect(String(gated.json?.message)).toMatch(/change your password/);

    const weak = await client.post('/api/session/password', {
      currentPassword: temporary,
      newPassword: 'short',
    });
    expect(weak.json).toMatchObject({ error: 'invalid_input', field: 'newPassword' });
    const wrongCurrent = await client.post('/api/session/password', {
      currentPassword: 'not my password',
      newPassword: 'zeilboot op het ijsselmeer',
    });
    expect(wrongCurrent.json).toMatchObject({ error: 'invalid_input', field: 'currentPassword' });

    const changed = await client.post('/api/session/password', {
      currentPassword: temporary,
      newPassword: 'zeilboot op het ijsselmeer',
    });
    expect(changed.status).toBe(204);
    expect((await client.get('/api/session')).json?.user).toMatchObject({ mustChangePassword: false });
    expect((await client.get('/api/admin/users')).status).toBe(403); // a nurse, not gated any more but not allowed
    expect((await client.get('/api/admin/users')).json).not.toHaveProperty('reason');
    await logIn(nurse.email, 'zeilboot op het ijsselmeer');
  });

  it('applies the password policy: short, common, containing the e-mail name', async () => {
    const user = await createTestUser(current().db, org, {
      email: 'marieke.jansen@ggd.example',
      isDemo: true,
    });
    const client = await logIn(user.email, user.password);
    const attempt = (newPassword: string) =>
      client.post('/api/session/password', { currentPassword: user.password, newPassword });
    for (const bad of [
      'elf tekens!',
      'password1234',
      'Qwerty123456!',
      'ik-ben-marieke-jansen',
      'jansen2024!!!!',
    ]) {
      const res = await attempt(bad);
      expect(res.status, bad).toBe(400);
      expect(res.json, bad).toMatchObject({ error: 'invalid_input', field: 'newPassword' });
    }
    expect((await attempt('fietsen langs de amstel in mei')).status).toBe(204);
  });

  it('ends the other sessions when a user changes the password', async () => {
    const user = await createTestUser(current().db, org, { email: 'two.devices@ggd.example', isDemo: true });
    const laptop = await logIn(user.email, user.password);
    const phone = await logIn(user.email, user.password);
    const res = await laptop.post('/api/session/password', {
      currentPassword: user.password,
      newPassword: 'regen op het dak van de schuur',
    });
    expect(res.status).toBe(204);
    expect((await laptop.get('/api/session')).status).toBe(200);
    expect((await phone.get('/api/session')).status).toBe(401);
  });

  it('does not let a manager reach users of another organisation', async () => {
    const other = await createTestOrganisation(current().db, 'Andere GGD');
    const stranger = await createTestUser(current().db, other, {
      email: 'stranger@other.example',
      isDemo: true,
    });
    const res = await admin.post(`/api/admin/users/${stranger.id}/reset-password`);
    expect(res.status).toBe(404);
    const missing = await admin.post('/api/admin/users/0190f2a4-7c1e-7000-8000-000000000000/reset-password');
    expect(missing.text).toBe(res.text);
    const list = await admin.get('/api/admin/users');
    expect(emailsOf(list)).not.toContain(stranger.email);
  });

  it('resets TOTP on request so a user with a lost phone enrols again', async () => {
    const nurse = await createTestUser(current().db, org, { email: 'lost.phone@ggd.example' });
    await current()
      .db.updateTable('users')
      .set({ totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totp_enrolled_at: new Date().toISOString() })
      .where('id', '=', nurse.id)
      .execute();
    const reset = await admin.post(`/api/admin/users/${nurse.id}/reset-password`, { resetTotp: true });
    const res = await new ApiClient(server.url).post('/api/session', {
      email: nurse.email,
      password: await approved(reset),
    });
    expect(res.json).toMatchObject({ stage: 'enrol' });
  });
});
