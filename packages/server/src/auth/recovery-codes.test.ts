import { generate } from 'otplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isSealed } from '../db/secrets.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createTestOrganisation, createTestUser, type TestUser } from './test-users.ts';

function codeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

forEachDatabase('TOTP secrets at rest and recovery codes', (current) => {
  let server: TestServer;
  let org: { organisationId: string; teamId: string };
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createTestOrganisation(current().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** First log-in: enrol with the authenticator; returns the secret and the recovery codes shown once. */
  async function enrol(): Promise<{ user: TestUser; secret: string; codes: string[] }> {
    const user = await createTestUser(current().db, org, { email: `rc.${++n}@ggd.example` });
    const client = new ApiClient(server.url);
    const first = await client.post('/api/session', { email: user.email, password: user.password });
    const secret = String(first.json?.secret);
    const done = await client.post('/api/session/totp', { code: await codeAt(secret, server.clock.now()) });
    expect(done.status).toBe(200);
    server.clock.advance(30_000);
    return { user, secret, codes: done.json?.recoveryCodes as string[] };
  }

  async function passwordStep(user: TestUser): Promise<ApiClient> {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', { email: user.email, password: user.password });
    expect(res.json).toMatchObject({ error: 'mfa_required' });
    return client;
  }

  it('stores the TOTP secret sealed, never as the base32 the app was shown', async () => {
    const { user, secret } = await enrol();
    const row = await current()
      .db.selectFrom('users')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(secret);
    expect(isSealed(String(row.totp_secret))).toBe(true);
    // And the sealed secret still works at the next log-in.
    const client = await passwordStep(user);
    const ok = await client.post('/api/session/totp', { code: await codeAt(secret, server.clock.now()) });
    expect(ok.status).toBe(200);
  });

  it('hands out 10 codes once at enrolment and stores only their hashes', async () => {
    const { user, codes } = await enrol();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const rows = await current()
      .db.selectFrom('recovery_codes')
      .select(['code_hash', 'used_at'])
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll('-', ''));
    }
    // A normal log-in does not show them again.
    const client = await passwordStep(user);
    expect((await client.get('/api/session')).json?.recoveryCodes).toBeUndefined();
  });

  it('logs in with a recovery code instead of a TOTP code, once per code, audited', async () => {
    const { user, codes } = await enrol();
    const [first = '', second = ''] = codes;
    const client = await passwordStep(user);
    const res = await client.post('/api/session/totp', { code: ` ${first.toUpperCase()} ` });
    expect(res.status).toBe(200);
    expect(res.json?.user).toMatchObject({ id: user.id });
    expect(res.json?.recoveryCodes).toBeUndefined();

    const again = await passwordStep(user);
    const reused = await again.post('/api/session/totp', { code: first });
    expect(reused.status).toBe(401);
    expect(reused.json).toMatchObject({ error: 'mfa_required' });

    // Also in one request with the password, typed without dashes.
    const oneStep = await new ApiClient(server.url).post('/api/session', {
      email: user.email,
      password: user.password,
      totp: second.replaceAll('-', ''),
    });
    expect(oneStep.status).toBe(200);

    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'outcome', 'details_json'])
      .where('user_id', '=', user.id)
      .orderBy('seq')
      .execute();
    const logins = audit.filter((a) => a.details_json?.includes('"secondFactor":"recovery_code"'));
    expect(logins).toHaveLength(2);
    expect(logins[1]?.details_json).toContain('"recoveryCodesLeft":8');
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'login.failed',
        details_json: expect.stringContaining('recovery_code_invalid'),
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'recovery_codes.issue', outcome: 'success' }),
    );
  });

  it('regenerates the codes after asking for the password; the old ones stop working', async () => {
    const { user, secret, codes } = await enrol();
    const client = await passwordStep(user);
    expect(
      (await client.post('/api/session/totp', { code: await codeAt(secret, server.clock.now()) })).status,
    ).toBe(200);
    const wrong = await client.post('/api/session/recovery-codes', { currentPassword: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ field: 'currentPassword' });

    const fresh = await client.post('/api/session/recovery-codes', { currentPassword: user.password });
    expect(fresh.status).toBe(200);
    const newCodes = fresh.json?.recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => codes.includes(c))).toBe(false);

    const old = await passwordStep(user);
    expect((await old.post('/api/session/totp', { code: codes[0] ?? '' })).status).toBe(401);
    const renewed = await passwordStep(user);
    expect((await renewed.post('/api/session/totp', { code: newCodes[0] ?? '' })).status).toBe(200);
  });

  it('does not accept a recovery code in place of the first code of an enrolment', async () => {
    const { user, codes } = await enrol();
    // The application manager resets the second factor (lost phone): old codes go with it.
    await current()
      .db.updateTable('users')
      .set({ totp_secret: null, totp_enrolled_at: null })
      .where('id', '=', user.id)
      .execute();
    const client = new ApiClient(server.url);
    const first = await client.post('/api/session', { email: user.email, password: user.password });
    expect(first.json).toMatchObject({ stage: 'enrol' });
    expect((await client.post('/api/session/totp', { code: codes[0] ?? '' })).status).toBe(401);
  });
});
