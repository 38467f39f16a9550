import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createTestOrganisation, createTestUser } from './test-users.ts';

forEachDatabase('login lockout', (current) => {
  let server: TestServer;
  let org: { organisationId: string; teamId: string };

  beforeAll(async () => {
    // The address limit high enough not to interfere with the account limit under test.
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        login: {
          maxFailuresPerAccount: 10,
          lockMinutes: 15,
          maxAttemptsPerIp: 1000,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
    org = await createTestOrganisation(current().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('locks an account for 15 minutes after 10 failures, even against the right password', async () => {
    const user = await createTestUser(current().db, org, { email: 'lock@ggd.example', isDemo: true });
    const client = new ApiClient(server.url);
    for (let i = 0; i < 10; i++) {
      const res = await client.post('/api/session', { email: user.email, password: `wrong password ${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await client.post('/api/session', { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(locked.json).toMatchObject({ error: 'locked', lockedUntil: expect.any(String) });
    expect(String(locked.json?.message)).toMatch(/locked until \d\d:\d\d UTC/);

    server.clock.advanceMinutes(14);
    expect((await client.post('/api/session', { email: user.email, password: user.password })).status).toBe(
      429,
    );
    server.clock.advanceMinutes(2);
    expect((await client.post('/api/session', { email: user.email, password: user.password })).status).toBe(
      200,
    );

    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'outcome', 'details_json'])
      .where('user_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.action === 'login.failed')).toHaveLength(12);
    expect(audit.some((a) => a.details_json?.includes('lockedUntil'))).toBe(true);
    expect(audit.at(-1)).toMatchObject({ action: 'login', outcome: 'success' });
  });

  it('locks an unknown address the same way, so lockout does not reveal which accounts exist', async () => {
    const client = new ApiClient(server.url);
    for (let i = 0; i < 10; i++)
      await client.post('/api/session', { email: 'ghost@ggd.example', password: 'guess' });
    expect(
      (await client.post('/api/session', { email: 'ghost@ggd.example', password: 'guess' })).json,
    ).toMatchObject({ error: 'locked' });
  });

  it('counts failures in a 15-minute window', async () => {
    const user = await createTestUser(current().db, org, { email: 'slow@ggd.example', isDemo: true });
    const client = new ApiClient(server.url);
    for (let i = 0; i < 9; i++) await client.post('/api/session', { email: user.email, password: 'nope' });
    server.clock.advanceMinutes(16);
    for (let i = 0; i < 9; i++) await client.post('/api/session', { email: user.email, password: 'nope' });
    expect((await client.post('/api/session', { email: user.email, password: user.password })).status).toBe(
      200,
    );
  });
});

forEachDatabase('login rate limit per address', (current) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        login: {
          maxFailuresPerAccount: 1000,
          lockMinutes: 15,
          maxAttemptsPerIp: 5,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses further attempts from an address after too many failures, whatever the account', async () => {
    const client = new ApiClient(server.url);
    for (let i = 0; i < 5; i++)
      expect(
        (await client.post('/api/session', { email: `user${i}@ggd.example`, password: 'x' })).status,
      ).toBe(401);
    const limited = await client.post('/api/session', { email: 'another@ggd.example', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: 'rate_limited' });
    server.clock.advanceMinutes(16);
    expect((await client.post('/api/session', { email: 'another@ggd.example', password: 'x' })).status).toBe(
      401,
    );
  });
});
