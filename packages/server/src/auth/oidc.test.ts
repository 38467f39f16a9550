import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { FakeIdp } from '../testing/fake-idp.ts';
import { createTestOrganisation, createTestUser } from './test-users.ts';

const CLIENT_ID = 'nestwerk-test';

forEachDatabase('OpenID Connect log-in', (current) => {
  const idpA = new FakeIdp(CLIENT_ID);
  const idpB = new FakeIdp(CLIENT_ID);
  let server: TestServer;
  let orgA: { organisationId: string; teamId: string };
  let orgB: { organisationId: string; teamId: string };

  beforeAll(async () => {
    await idpA.start();
    await idpB.start();
    orgA = await createTestOrganisation(current().db, 'GGD Veldland');
    orgB = await createTestOrganisation(current().db, 'GGD Elders');
    const provider = (id: string, idp: FakeIdp, organisationId: string) => ({
      id,
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: 'secret',
      redirectUrl: 'http://127.0.0.1/api/auth/oidc/callback',
      organisationId,
    });
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        oidc: [
          provider('veldland', idpA, orgA.organisationId),
          provider('elders', idpB, orgB.organisationId),
        ],
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await idpA.close();
    await idpB.close();
  });

  /** Start → (the IdP would authenticate) → callback, as the browser would follow the redirects. */
  async function viaIdp(
    client: ApiClient,
    claims: Record<string, unknown>,
    options: { idp?: FakeIdp; provider?: string; tamper?: (q: URLSearchParams) => void } = {},
  ) {
    const idp = options.idp ?? idpA;
    const start = await client.get(`/api/auth/oidc/start?provider=${options.provider ?? 'veldland'}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    idp.nonce = authorize.searchParams.get('nonce') ?? '';
    idp.nextClaims = claims;
    const query = new URLSearchParams({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' });
    options.tamper?.(query);
    return client.get(`/api/auth/oidc/callback?${query}`);
  }

  async function auditOf(userId: string) {
    return current()
      .db.selectFrom('audit_log')
      .select(['action', 'details_json'])
      .where('user_id', '=', userId)
      .orderBy('seq')
      .execute();
  }

  it('logs an existing user in by the e-mail the identity provider vouches for', async () => {
    const user = await createTestUser(current().db, orgA, { email: 'sso.nurse@ggd.example' });
    const client = new ApiClient(server.url);
    const back = await viaIdp(client, { email: 'SSO.Nurse@ggd.example', email_verified: true });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const me = await client.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.json?.user).toMatchObject({ id: user.id });
    expect(await auditOf(user.id)).toEqual([
      { action: 'login', details_json: expect.stringContaining('"provider":"veldland"') },
    ]);
  });

  it('refuses unknown users, unverified or unconfirmed addresses and a wrong state', async () => {
    const unknown = new ApiClient(server.url);
    const res = await viaIdp(unknown, { email: 'nobody@ggd.example', email_verified: true });
    expect(res.headers.get('location')).toBe('/login?error=oidc_unknown_user');
    expect((await unknown.get('/api/session')).status).toBe(401);

    const unverified = new ApiClient(server.url);
    const res2 = await viaIdp(unverified, { email: 'sso.nurse@ggd.example', email_verified: false });
    expect(res2.headers.get('location')).toBe('/login?error=oidc_failed');

    // A provider that does not say the address was verified is not taken at its word.
    for (const claims of [
      { email: 'sso.nurse@ggd.example' },
      { email: 'sso.nurse@ggd.example', email_verified: 'true' },
    ]) {
      const silent = new ApiClient(server.url);
      const back = await viaIdp(silent, claims);
      expect(back.headers.get('location')).toBe('/login?error=oidc_failed');
      expect((await silent.get('/api/session')).status).toBe(401);
    }

    const forged = new ApiClient(server.url);
    const res3 = await viaIdp(
      forged,
      { email: 'sso.nurse@ggd.example', email_verified: true },
      { tamper: (q) => q.set('state', 'forged') },
    );
    expect(res3.headers.get('location')).toBe('/login?error=oidc_failed');
    expect((await forged.get('/api/session')).status).toBe(401);

    const noFlow = await new ApiClient(server.url).get('/api/auth/oidc/callback?code=x&state=y');
    expect(noFlow.headers.get('location')).toBe('/login?error=oidc_expired');
  });

  it("never logs a user of one organisation in through another organisation's issuer", async () => {
    const victim = await createTestUser(current().db, orgA, { email: 'victim@veldland.example' });
    const client = new ApiClient(server.url);
    const back = await viaIdp(
      client,
      { email: 'victim@veldland.example', email_verified: true },
      { idp: idpB, provider: 'elders' },
    );
    // Told like an unknown user, so the other organisation's IdP learns nothing about who exists where.
    expect(back.headers.get('location')).toBe('/login?error=oidc_unknown_user');
    expect((await client.get('/api/session')).status).toBe(401);
    expect(await auditOf(victim.id)).toEqual([
      { action: 'login.failed', details_json: expect.stringContaining('"reason":"other_organisation"') },
    ]);

    // Its own organisation's users do log in through it.
    const own = await createTestUser(current().db, orgB, { email: 'own@elders.example' });
    const ownClient = new ApiClient(server.url);
    await viaIdp(
      ownClient,
      { email: 'own@elders.example', email_verified: true },
      { idp: idpB, provider: 'elders' },
    );
    expect((await ownClient.get('/api/session')).json?.user).toMatchObject({ id: own.id });
  });

  it('asks which provider when there are several, and answers 404 for an unknown one', async () => {
    const client = new ApiClient(server.url);
    expect((await client.get('/api/auth/oidc/start')).status).toBe(404);
    expect((await client.get('/api/auth/oidc/start?provider=nope')).status).toBe(404);
  });
});

describe('OpenID Connect configuration', () => {
  const single = {
    NESTWERK_OIDC_ISSUER: 'https://idp.veldland.example',
    NESTWERK_OIDC_CLIENT_ID: 'nestwerk',
    NESTWERK_OIDC_CLIENT_SECRET: 'secret',
    NESTWERK_OIDC_REDIRECT_URL: 'https://nestwerk.example/api/auth/oidc/callback',
  };

  it('keeps the single-provider variables, bound to NESTWERK_OIDC_ORGANISATION', () => {
    expect(loadConfig({ ...single, NESTWERK_OIDC_ORGANISATION: 'org-1' }).oidc).toEqual([
      {
        id: 'default',
        issuer: 'https://idp.veldland.example',
        clientId: 'nestwerk',
        clientSecret: 'secret',
        redirectUrl: 'https://nestwerk.example/api/auth/oidc/callback',
        organisationId: 'org-1',
      },
    ]);
    // An issuer bound to no organisation would speak for all of them: refused at start.
    expect(() => loadConfig(single)).toThrow(ConfigError);
  });

  it('reads several providers from NESTWERK_OIDC_PROVIDERS', () => {
    const providers = [
      {
        id: 'a',
        issuer: 'https://a.example',
        clientId: 'c',
        clientSecret: 's',
        redirectUrl: 'https://n.example/cb',
        organisationId: 'o1',
      },
      {
        id: 'b',
        issuer: 'https://b.example',
        clientId: 'c',
        clientSecret: 's',
        redirectUrl: 'https://n.example/cb',
        organisationId: 'o2',
      },
    ];
    expect(loadConfig({ NESTWERK_OIDC_PROVIDERS: JSON.stringify(providers) }).oidc).toEqual(providers);
    const withoutOrganisation = providers.map(({ organisationId: _o, ...rest }) => rest);
    expect(() => loadConfig({ NESTWERK_OIDC_PROVIDERS: JSON.stringify(withoutOrganisation) })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({ NESTWERK_OIDC_PROVIDERS: JSON.stringify([providers[0], providers[0]]) }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ NESTWERK_OIDC_PROVIDERS: 'not json' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({
        ...single,
        NESTWERK_OIDC_ORGANISATION: 'o',
        NESTWERK_OIDC_PROVIDERS: JSON.stringify(providers),
      }),
    ).toThrow(ConfigError);
  });
});

forEachDatabase('OpenID Connect not configured', (current) => {
  it('answers 404', async () => {
    const server = await startTestServer({ db: current().db, dialect: current().dialect });
    try {
      expect((await new ApiClient(server.url).get('/api/auth/oidc/start')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
