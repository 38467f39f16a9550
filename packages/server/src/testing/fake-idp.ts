import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Just enough of an OpenID provider, over real HTTP with real RS256-signed ID tokens: discovery, keys, and a
 * token endpoint that signs what the test asks. Shared by the professional and the citizen log-in tests.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class FakeIdp {
  constructor(private readonly clientId: string) {}

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
      // A sign-in page for browser tests: the "citizen" types the number the provider vouches for (the BSN or
      // INSZ in `sub`), and is sent back to the client with a code, as DigiD or itsme would.
      if (url.pathname === '/authorize' && req.method === 'GET') {
        const field = (name: string) => escapeHtml(url.searchParams.get(name) ?? '');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(
          `<!doctype html><html lang="nl"><head><title>Test-inlogpagina</title></head><body><main>` +
            `<h1>Test-inlogpagina</h1><form method="post" action="/authorize">` +
            `<label for="subject">Burgerservicenummer</label> <input id="subject" name="subject" required>` +
            `<input type="hidden" name="redirect_uri" value="${field('redirect_uri')}">` +
            `<input type="hidden" name="state" value="${field('state')}">` +
            `<input type="hidden" name="nonce" value="${field('nonce')}">` +
            `<button type="submit">Inloggen</button></form></main></body></html>`,
        );
      }
      if (url.pathname === '/authorize' && req.method === 'POST') {
        let body = '';
        req.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        return req.on('end', () => {
          const form = new URLSearchParams(body);
          this.nextClaims = { sub: form.get('subject') ?? '' };
          this.nonce = form.get('nonce') ?? '';
          const back = new URL(form.get('redirect_uri') ?? '');
          back.searchParams.set('code', 'browser-code');
          back.searchParams.set('state', form.get('state') ?? '');
          res.writeHead(302, { location: back.toString() }).end();
        });
      }
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
      aud: this.clientId,
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
