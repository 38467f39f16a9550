import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { sweepAuthTables } from './housekeeping.ts';
import { createTestOrganisation, createTestUser } from './test-users.ts';

function codeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

forEachDatabase('sessions', (current) => {
  let server: TestServer;
  let org: { organisationId: string; teamId: string };
  let n = 0;
  const email = (prefix: string) => `${prefix}.${++n}@ggd.example`;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createTestOrganisation(current().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function auditActions(userId: string): Promise<string[]> {
    const rows = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('user_id', '=', userId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => `${r.action}:${r.outcome}`);
  }

  it('logs a demo account in without a second factor and returns user and CSRF token', async () => {
    const user = await createTestUser(current().db, org, { email: email('demo'), isDemo: true });
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(res.status).toBe(200);
    expect(res.json?.user).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'nurse',
      team: { name: 'Team Noord' },
    });
    expect(res.json?.csrfToken).toEqual(expect.any(String));
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^nestwerk_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);

    const me = await client.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.json?.csrfToken).toBe(res.json?.csrfToken);
    expect(await auditActions(user.id)).toEqual(['login:success']);
  });

  it('stores only the SHA-256 of the session id', async () => {
    const user = await createTestUser(current().db, org, { email: email('hash'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    const token = client.cookie?.split('=')[1] ?? '';
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const rows = await current()
      .db.selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id_hash).not.toContain(token);
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const user = await createTestUser(current().db, org, { email: email('wrong'), isDemo: true });
    const client = new ApiClient(server.url);
    const wrong = await client.post('/api/session', {
      email: user.email,
      password: 'not the password at all',
    });
    const unknown = await client.post('/api/session', {
      email: 'nobody@ggd.example',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'unauthenticated', message: 'Invalid e-mail or password.' });
    expect(unknown.json).toEqual(wrong.json);
    expect(client.cookie).toBeUndefined();
    expect(await auditActions(user.id)).toEqual(['login.failed:failure']);
  });

  it('refuses a disabled account with the same message, and ends its sessions', async () => {
    const user = await createTestUser(current().db, org, { email: email('disabled'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    await current()
      .db.updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    expect((await client.get('/api/session')).status).toBe(401);
    const again = await new ApiClient(server.url).post('/api/session', {
      email: user.email,
      password: user.password,
    });
    expect(again.json).toEqual({ error: 'unauthenticated', message: 'Invalid e-mail or password.' });
  });

  it('enrols a new account in TOTP at the first log-in, then asks for a code every time', async () => {
    const user = await createTestUser(current().db, org, { email: email('nurse') });
    const client = new ApiClient(server.url);
    const first = await client.post('/api/session', { email: user.email, password: user.password });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ stage: 'enrol', secret: expect.any(String) });
    expect(String(first.json?.otpauthUrl)).toMatch(/^otpauth:\/\/totp\/Nestwerk:/);
    const secret = String(first.json?.secret);

    // Between the steps the session opens nothing but the second step.
    expect((await client.get('/api/session')).json).toMatchObject({ error: 'mfa_required' });
    expect((await client.post('/api/session/totp', { code: '000000' })).status).toBe(401);

    const enrolled = await client.post('/api/session/totp', {
      code: await codeAt(secret, server.clock.now()),
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.json?.user).toMatchObject({ id: user.id });
    expect((await client.get('/api/session')).status).toBe(200);

    server.clock.advance(60_000);
    const again = new ApiClient(server.url);
    const noCode = await again.post('/api/session', { email: user.email, password: user.password });
    expect(noCode.status).toBe(401);
    expect(noCode.json).toMatchObject({ error: 'mfa_required' });

    const withCode = await again.post('/api/session', {
      email: user.email,
      password: user.password,
      totp: await codeAt(secret, server.clock.now()),
    });
    expect(withCode.status).toBe(200);
    expect(withCode.json?.user).toMatchObject({ id: user.id });
  });

  it('finishes the second step through /api/session/totp too, and refuses a replayed code', async () => {
    const user = await createTestUser(current().db, org, { email: email('physician'), role: 'physician' });
    const enrol = new ApiClient(server.url);
    const secret = String(
      (await enrol.post('/api/session', { email: user.email, password: user.password })).json?.secret,
    );
    const code = await codeAt(secret, server.clock.now());
    expect((await enrol.post('/api/session/totp', { code })).status).toBe(200);

    const replay = new ApiClient(server.url);
    expect((await replay.post('/api/session', { email: user.email, password: user.password })).status).toBe(
      401,
    );
    const replayed = await replay.post('/api/session/totp', { code });
    expect(replayed.status).toBe(401);
    expect(replayed.json).toMatchObject({ error: 'mfa_required', field: 'code' });

    server.clock.advance(30_000);
    const fresh = await replay.post('/api/session/totp', { code: await codeAt(secret, server.clock.now()) });
    expect(fresh.status).toBe(200);
  });

  it('rotates the session id at every step of the log-in', async () => {
    const user = await createTestUser(current().db, org, { email: email('rotate') });
    const client = new ApiClient(server.url);
    const demo = await createTestUser(current().db, org, { email: email('earlier'), isDemo: true });
    await client.post('/api/session', { email: demo.email, password: demo.password });
    const earlier = client.cookie;

    const first = await client.post('/api/session', { email: user.email, password: user.password });
    const pending = client.cookie;
    expect(pending).toBeDefined();
    expect(pending).not.toBe(earlier);
    await client.post('/api/session/totp', {
      code: await codeAt(String(first.json?.secret), server.clock.now()),
    });
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(pending);

    // The earlier session was ended, not merely replaced in this browser.
    const stale = new ApiClient(server.url);
    stale.cookie = earlier;
    expect((await stale.get('/api/session')).json).toMatchObject({ error: 'unauthenticated' });
  });

  it('requires the CSRF token for state-changing requests with a session cookie', async () => {
    const user = await createTestUser(current().db, org, { email: email('csrf'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    const missing = await client.request('DELETE', '/api/session', { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.json).toMatchObject({ error: 'csrf' });
    const wrong = await client.request('DELETE', '/api/session', {
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.status).toBe(403);
    const change = await client.request('POST', '/api/session/password', {
      body: { currentPassword: user.password, newPassword: 'een heel nieuw wachtwoord' },
      csrf: false,
    });
    expect(change.status).toBe(403);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('refuses a weak new password with a reason code the web app translates', async () => {
    const user = await createTestUser(current().db, org, { email: email('weakpw'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    for (const [newPassword, reason] of [
      ['qwertyuiopas', 'weak'],
      ['abcdefghijkl', 'weak'],
      ['Testregio2026', 'personal'],
    ] as const) {
      const res = await client.post('/api/session/password', { currentPassword: user.password, newPassword });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', field: 'newPassword', reason });
    }
  });

  it('logs out: the session is deleted and the cookie cleared', async () => {
    const user = await createTestUser(current().db, org, { email: email('logout'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    const cookie = client.cookie;
    const out = await client.delete('/api/session');
    expect(out.json).toBeUndefined();
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/nestwerk_session=;/);
    const reuse = new ApiClient(server.url);
    reuse.cookie = cookie;
    const after = await reuse.get('/api/session');
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ error: 'unauthenticated', reason: 'ended' });
    expect(await auditActions(user.id)).toEqual(['login:success', 'logout:success']);
    // Logging out without a session is harmless.
    expect((await new ApiClient(server.url).delete('/api/session')).status).toBe(204);
  });

  it('says "log in" without a session, and that it expired after 30 idle minutes', async () => {
    expect((await new ApiClient(server.url).get('/api/session')).json).toMatchObject({
      error: 'unauthenticated',
      reason: 'absent',
    });
    const user = await createTestUser(current().db, org, { email: email('idle'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    server.clock.advanceMinutes(29);
    expect((await client.get('/api/session')).status).toBe(200);
    server.clock.advanceMinutes(29);
    expect((await client.get('/api/session')).status).toBe(200);
    server.clock.advanceMinutes(31);
    const expired = await client.get('/api/session');
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: 'unauthenticated', reason: 'expired' });
    expect(String(expired.json?.message)).toMatch(/expired/);
  });

  it('ends an active session after 12 hours', async () => {
    const user = await createTestUser(current().db, org, { email: email('absolute'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      server.clock.advanceMinutes(20);
      expect((await client.get('/api/session')).status).toBe(200);
    }
    server.clock.advanceMinutes(25);
    expect((await client.get('/api/session')).json).toMatchObject({
      error: 'unauthenticated',
      reason: 'expired',
    });
  });

  it('sweeps expired sessions and day-old login counters', async () => {
    const user = await createTestUser(current().db, org, { email: email('sweep'), isDemo: true });
    const client = new ApiClient(server.url);
    await client.post('/api/session', { email: user.email, password: user.password });
    await client.post('/api/session', { email: 'sweep.typo@ggd.example', password: 'wrong' });
    server.clock.advanceMinutes(25 * 60);
    await sweepAuthTables(server.app);
    const db = current().db;
    expect(
      await db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    const counters = await db
      .selectFrom('rate_limits')
      .select('key')
      .where('key', 'like', '%sweep.typo%')
      .execute();
    expect(counters).toEqual([]);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(current().db)).ok).toBe(true);
  });
});

describe('secure cookies', () => {
  it('uses the __Host- prefix and Secure behind TLS', async () => {
    const { createTestDatabase } = await import('../testing/databases.ts');
    const database = await createTestDatabase('sqlite');
    const server = await startTestServer({
      db: database.db,
      dialect: 'sqlite',
      config: { secureCookies: true },
    });
    try {
      const org = await createTestOrganisation(database.db);
      const user = await createTestUser(database.db, org, { email: 'tls@ggd.example', isDemo: true });
      const res = await new ApiClient(server.url).post('/api/session', {
        email: user.email,
        password: user.password,
      });
      const setCookie = res.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^__Host-nestwerk_session=/);
      expect(setCookie).toMatch(/Secure/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await server.close();
      await database.dispose();
    }
  });
});
