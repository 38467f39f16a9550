import { afterEach, describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestUser } from '../auth/test-users.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from './test-server.ts';

describe('NESTWERK_TRUST_PROXY', () => {
  const parse = (value: string) => loadConfig({ NESTWERK_TRUST_PROXY: value }).trustProxy;

  it('never trusts every client: true means one hop', () => {
    expect(parse('true')).toBe(1);
    expect(parse('false')).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.1, 10.1.0.0/16,::1')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
  });

  it('refuses values that are neither hops nor addresses', () => {
    expect(() => parse('proxy.example')).toThrow(ConfigError);
    expect(() => parse('100')).toThrow(ConfigError);
  });
});

/**
 * The test client connects from 127.0.0.1, standing in for the reverse proxy; the proxy appends the address it
 * saw (203.0.113.7) to whatever X-Forwarded-For the client sent (a forged 6.6.6.6).
 */
forEachDatabase('client address behind a reverse proxy', (current) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Configured as an operator would, through the environment variable. */
  async function start(env: string, maxAttemptsPerIp = 1000) {
    const trustProxy = loadConfig({ NESTWERK_TRUST_PROXY: env }).trustProxy;
    // Every test comes from the same proxied address; earlier tests' failures must not count against it.
    await current().db.deleteFrom('rate_limits').execute();
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        trustProxy,
        login: {
          maxFailuresPerAccount: 1000,
          lockMinutes: 15,
          maxAttemptsPerIp,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
    return server;
  }

  const viaProxy = (client: ApiClient, forged: string, body: unknown) =>
    client.request('POST', '/api/session', {
      body,
      headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` },
    });

  async function auditedAddresses(userId: string): Promise<(string | null)[]> {
    const rows = await current()
      .db.selectFrom('audit_log')
      .select('client_ip')
      .where('user_id', '=', userId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.client_ip);
  }

  it.each(['true', '1', '127.0.0.1', '127.0.0.0/8'])(
    'audits the address the proxy saw, not a forged one (NESTWERK_TRUST_PROXY=%s)',
    async (trust) => {
      const org = await createTestOrganisation(current().db);
      const user = await createTestUser(current().db, org, {
        email: `proxy-${trust}@ggd.example`,
        isDemo: true,
      });
      const { url } = await start(trust);
      const res = await viaProxy(new ApiClient(url), '6.6.6.6', { email: user.email, password: 'wrong' });
      expect(res.status).toBe(401);
      expect(await auditedAddresses(user.id)).toEqual(['203.0.113.7']);
    },
  );

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    const org = await createTestOrganisation(current().db);
    const user = await createTestUser(current().db, org, { email: 'direct@ggd.example', isDemo: true });
    const { url } = await start('10.0.0.1');
    await viaProxy(new ApiClient(url), '6.6.6.6', { email: user.email, password: 'wrong' });
    expect(await auditedAddresses(user.id)).toEqual(['127.0.0.1']);
  });

  it('keeps the per-address login limit when the client rotates a forged X-Forwarded-For', async () => {
    const { url } = await start('true', 3);
    const client = new ApiClient(url);
    for (let i = 0; i < 3; i++)
      expect(
        (await viaProxy(client, `6.6.6.${i}`, { email: `x${i}@ggd.example`, password: 'x' })).status,
      ).toBe(401);
    const limited = await viaProxy(client, '6.6.6.99', { email: 'y@ggd.example', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: 'rate_limited' });
  });
});
