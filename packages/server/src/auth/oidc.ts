import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import { auditAuth } from './auth-audit.ts';
import { findUserByEmail, normaliseEmail, startSession } from './login.ts';
import { setSessionCookie } from './session-cookie.ts';

/**
 * Log-in through an organisation's own identity provider (OpenID Connect, authorization code flow with PKCE,
 * state and nonce). The IdP vouches for the person — and is where the second factor is enforced — and its
 * verified `email` claim selects an existing Nestwerk account of the organisation the IdP is bound to;
 * accounts are never created from a token. Each provider speaks only for its own organisation: an IdP run by
 * organisation B can assert any address, so it must never open an account of organisation A.
 */

const FLOW_MAX_AGE_S = 600;

/** State, nonce and PKCE verifier between the redirect to the IdP and its redirect back. */
interface Flow {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
}

function flowCookieName(secure: boolean): string {
  return secure ? '__Host-nestwerk_oidc' : 'nestwerk_oidc';
}

/** Plain http is allowed for an IdP on this machine only (development, tests); anywhere else it must be TLS. */
export function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const discovered = new WeakMap<FastifyInstance, Map<string, Promise<client.Configuration>>>();

/** The provider's discovered metadata, per app and provider id (the citizen provider uses an id no slug can be). */
export function configuration(
  app: FastifyInstance,
  oidc: Pick<OidcConfig, 'id' | 'issuer' | 'clientId' | 'clientSecret'>,
): Promise<client.Configuration> {
  let perProvider = discovered.get(app);
  if (!perProvider) {
    perProvider = new Map();
    discovered.set(app, perProvider);
  }
  const cache = perProvider;
  let pending = cache.get(oidc.id);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    pending = client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
      ...(isLocal(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    });
    // A failed discovery (IdP down) must be retried at the next log-in, not cached for the process's life.
    pending.catch(() => cache.delete(oidc.id));
    cache.set(oidc.id, pending);
  }
  return pending;
}

export async function startOidc(
  app: FastifyInstance,
  oidc: OidcConfig,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const config = await configuration(app, oidc);
  const flow: Flow = {
    provider: oidc.id,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUrl,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  // Lax, not Strict: the cookie has to come along on the IdP's cross-site redirect back to the callback.
  reply.setCookie(
    flowCookieName(app.config.secureCookies),
    Buffer.from(JSON.stringify(flow)).toString('base64url'),
    {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.secureCookies,
      maxAge: FLOW_MAX_AGE_S,
    },
  );
  return reply.redirect(url.href, 302);
}

function readFlow(request: FastifyRequest, secure: boolean): Flow | null {
  const raw = request.cookies[flowCookieName(secure)];
  if (!raw || raw.length > 2048) return null;
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flow>;
    return typeof flow.provider === 'string' &&
      typeof flow.state === 'string' &&
      typeof flow.nonce === 'string' &&
      typeof flow.verifier === 'string'
      ? { provider: flow.provider, state: flow.state, nonce: flow.nonce, verifier: flow.verifier }
      : null;
  } catch {
    return null;
  }
}

/** The browser ends up back in the web app either way; a failure carries a code the log-in page can explain. */
function backToApp(reply: FastifyReply, error?: string): FastifyReply {
  return reply.redirect(error ? `/login?error=${error}` : '/', 302);
}

/**
 * The provider is the one the flow was started with (the cookie is ours, httpOnly); a tampered id can only
 * name another configured provider, whose issuer, keys and organisation then all apply.
 */
export async function finishOidc(
  app: FastifyInstance,
  providers: readonly OidcConfig[],
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const secure = app.config.secureCookies;
  const flow = readFlow(request, secure);
  reply.clearCookie(flowCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
  const oidc = flow ? providers.find((p) => p.id === flow.provider) : undefined;
  if (!flow || !oidc) return backToApp(reply, 'oidc_expired');

  const failed = async (reason: string, user: Awaited<ReturnType<typeof findUserByEmail>> = undefined) => {
    await auditAuth(app.db, {
      action: 'login.failed',
      outcome: 'failure',
      user: user ? { id: user.id, role: user.role, organisationId: user.organisation_id } : null,
      clientIp: request.ip,
      details: { method: 'oidc', issuer: oidc.issuer, reason },
    });
    // Another organisation's user is told the same as an unknown one: the IdP must not learn who exists where.
    const known = reason === 'unknown_user' || reason === 'other_organisation';
    return backToApp(reply, known ? 'oidc_unknown_user' : 'oidc_failed');
  };

  let email: string;
  try {
    const config = await configuration(app, oidc);
    // The URL the IdP redirected to, rebuilt on the registered redirect URL (the proxy may have rewritten host).
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const tokens = await client.authorizationCodeGrant(config, new URL(query, oidc.redirectUrl), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    // Only an explicit `true`: a provider that does not say it verified the address may let anyone claim any
    // address, and a missing claim is not a yes.
    if (!claims || typeof claims.email !== 'string' || claims.email_verified !== true)
      return failed('no_verified_email');
    email = normaliseEmail(claims.email);
  } catch (err) {
    request.log.warn({ err }, 'OpenID Connect callback rejected');
    return failed('token_rejected');
  }

  const user = await findUserByEmail(app, email);
  if (!user || user.disabled_at !== null) return failed('unknown_user', user);
  if (user.organisation_id !== oidc.organisationId) return failed('other_organisation', user);
  const session = await startSession(app, request, user, 'full', {
    method: 'oidc',
    issuer: oidc.issuer,
    provider: oidc.id,
  });
  setSessionCookie(reply, app.config, session.token);
  return backToApp(reply);
}
