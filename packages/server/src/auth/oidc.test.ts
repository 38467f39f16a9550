import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createTestOrganisation, createTestUser } from './test-users.ts';

const CLIENT_ID = 'nestwerk-test';

/** Just enough of an OpenID provider: discovery, keys, and a token endpoint that signs what the test asks. */
class FakeIdp {
  private server: Server | undefined;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  issuer = '';
  /** The claims the next token will carry (nonce is filled in from the authorization request). */
  nextClaims: Record<string, unknown> = {};
  nonce = '';

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.issuer);
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration')
        return json({
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      if (url.pathname === '/jwks')
        return json({
          keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }],
        });
      if (url.pathname === '/token') {
        req.resume();
        return req.on('end', () =>
          json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: this.idToken() }),
        );
      }
      res.writeHead(404).end();
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private idToken(): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const payload = {
      iss: this.issuer,
      aud: CLIENT_ID,
      sub: 'user-1',
      iat: now,
      exp: now + 300,
      nonce: this.nonce,
      ...this.nextClaims,
    };
    const signingInput = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256')
      .update(signingInput)
      .sign(this.keys.privateKey)
      .toString('base64url');
    return `${signingInput}.${signature}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

forEachDatabase('OpenID Connect log-in', (current) => {
  const idp = new FakeIdp();
  let server: TestServer;

  beforeAll(async () => {
    await idp.start();
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        oidc: {
          issuer: idp.issuer,
          clientId: CLIENT_ID,
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/auth/oidc/callback',
        },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await idp.close();
  });

  /** Start → (the IdP would authenticate) → callback, as the browser would follow the redirects. */
  async function viaIdp(
    client: ApiClient,
    claims: Record<string, unknown>,
    tamper?: (q: URLSearchParams) => void,
  ) {
    const start = await client.get('/api/auth/oidc/start');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    idp.nonce = authorize.searchParams.get('nonce') ?? '';
    idp.nextClaims = claims;
    const query = new URLSearchParams({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' });
    tamper?.(query);
    return client.get(`/api/auth/oidc/callback?${query}`);
  }

  it('logs an existing user in by the e-mail the identity provider vouches for', async () => {
    const org = await createTestOrganisation(current().db);
    const user = await createTestUser(current().db, org, { email: 'sso.nurse@ggd.example' });
    const client = new ApiClient(server.url);
    const back = await viaIdp(client, { email: 'SSO.Nurse@ggd.example', email_verified: true });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const me = await client.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.json?.user).toMatchObject({ id: user.id });
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'details_json'])
      .where('user_id', '=', user.id)
      .execute();
    expect(audit).toEqual([{ action: 'login', details_json: expect.stringContaining('"method":"oidc"') }]);
  });

  it('refuses unknown users, unverified addresses and a wrong state', async () => {
    const unknown = new ApiClient(server.url);
    const res = await viaIdp(unknown, { email: 'nobody@ggd.example' });
    expect(res.headers.get('location')).toBe('/login?error=oidc_unknown_user');
    expect((await unknown.get('/api/session')).status).toBe(401);

    const unverified = new ApiClient(server.url);
    const res2 = await viaIdp(unverified, { email: 'sso.nurse@ggd.example', email_verified: false });
    expect(res2.headers.get('location')).toBe('/login?error=oidc_failed');

    const forged = new ApiClient(server.url);
    const res3 = await viaIdp(forged, { email: 'sso.nurse@ggd.example' }, (q) => q.set('state', 'forged'));
    expect(res3.headers.get('location')).toBe('/login?error=oidc_failed');
    expect((await forged.get('/api/session')).status).toBe(401);

    const noFlow = await new ApiClient(server.url).get('/api/auth/oidc/callback?code=x&state=y');
    expect(noFlow.headers.get('location')).toBe('/login?error=oidc_expired');
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
