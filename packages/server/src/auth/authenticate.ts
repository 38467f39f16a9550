import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthMode } from '../http/app-context.ts';
import { HttpError } from '../http/errors.ts';
import { auditAuth } from './auth-audit.ts';
import { authenticateParent, isParentMode } from './parent-authenticate.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';
import { deleteSession, findSession, type LoadedSession, touchSession } from './session-store.ts';
import { hashToken, sameToken } from './session-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the request in any stage; null without one (or on `auth: 'none'` routes). */
    session: LoadedSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sliding expiry without a write on every read: last_seen_at moves at most once a minute. */
const TOUCH_INTERVAL_MS = 60_000;

type Absence = 'absent' | 'ended' | 'expired';

const ABSENCE_MESSAGE: Record<Absence, string> = {
  absent: 'Please log in.',
  ended: 'Your session has ended; please log in again.',
  expired: 'Your session has expired; please log in again.',
};

function authModeOf(request: FastifyRequest): AuthMode {
  if (request.is404) return 'none';
  const configured = request.routeOptions.config.auth;
  if (configured) return configured;
  const url = request.routeOptions.url ?? '';
  return url.startsWith('/api/') ? 'full' : 'none';
}

async function loadSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ session: LoadedSession | null; absence: Absence }> {
  const token = readSessionCookie(request, app.config);
  if (!token) return { session: null, absence: 'absent' };
  const session = await findSession(app.db, hashToken(token));
  if (!session) {
    clearSessionCookie(reply, app.config);
    return { session: null, absence: 'ended' };
  }
  const now = app.clock().getTime();
  const idleDeadline = Date.parse(session.lastSeenAt) + app.config.session.idleMinutes * 60_000;
  if (now >= Date.parse(session.expiresAt) || (session.stage === 'full' && now > idleDeadline)) {
    await deleteSession(app.db, session.idHash);
    clearSessionCookie(reply, app.config);
    return { session: null, absence: 'expired' };
  }
  if (session.stage === 'full' && now - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS)
    await touchSession(app.db, session.idHash, new Date(now));
  return { session, absence: 'absent' };
}

function checkCsrf(request: FastifyRequest, session: LoadedSession): void {
  if (!UNSAFE.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameToken(header, session.csrfToken))
    throw new HttpError('csrf', 'Missing or invalid x-csrf-token header; reload the page and try again.');
}

function unauthenticated(absence: Absence): HttpError {
  return new HttpError('unauthenticated', ABSENCE_MESSAGE[absence], undefined, { reason: absence });
}

/**
 * Runs before the body is parsed, so a request without a valid session costs one indexed read and never reaches
 * validation (which would reveal the shape of the API). Order: session → CSRF → stage → password change.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('parent', null);
  app.decorateRequest('parentSession', null);
  app.addHook('onRequest', async (request, reply) => {
    const mode = authModeOf(request);
    if (mode === 'none') return;
    // A portal route looks only at the parent's cookie, a professional route only at the professional's:
    // neither session can stand in for the other.
    if (isParentMode(mode)) return authenticateParent(app, request, reply, mode);
    const { session, absence } = await loadSession(app, request, reply);
    try {
      if (session) checkCsrf(request, session);
      authorise(request, mode, session, absence);
    } catch (err) {
      if (err instanceof HttpError && (err.error === 'unauthenticated' || err.error === 'csrf'))
        await auditRejection(app, request, err.error, session, absence);
      throw err;
    }
  });
}

/**
 * A refused request without a session, or with a forged or missing CSRF token, is a probe or an attack in
 * progress as often as an expired tab: NEN 7513 wants it on record. Only the route pattern is kept (never
 * the URL with its ids and query, the cookie or the token).
 */
async function auditRejection(
  app: FastifyInstance,
  request: FastifyRequest,
  error: 'unauthenticated' | 'csrf',
  session: LoadedSession | null,
  absence: Absence,
): Promise<void> {
  await auditAuth(app.db, {
    action: error === 'csrf' ? 'request.csrf_rejected' : 'request.unauthenticated',
    outcome: 'denied',
    user: session
      ? { id: session.user.id, role: session.user.role, organisationId: session.user.organisationId }
      : null,
    clientIp: request.ip,
    basis: 'none',
    details: {
      method: request.method,
      route: request.routeOptions.url ?? null,
      ...(error === 'unauthenticated' ? { reason: session ? session.stage : absence } : {}),
    },
  });
}

function authorise(
  request: FastifyRequest,
  mode: Exclude<AuthMode, 'none' | 'parent' | 'parent_pending' | 'parent_optional'>,
  session: LoadedSession | null,
  absence: Absence,
): void {
  request.session = session;
  if (session?.stage === 'full')
    request.principal = {
      userId: session.user.id,
      role: session.user.role,
      organisationId: session.user.organisationId,
      teamId: session.user.teamId,
      sessionIdHash: session.idHash,
      displayName: session.user.displayName,
    };
  switch (mode) {
    case 'optional':
      return;
    case 'pending':
      if (!session || session.stage === 'full')
        throw new HttpError('unauthenticated', 'Log in with your e-mail address and password first.');
      return;
    case 'session':
    case 'full':
      if (!session) throw unauthenticated(absence);
      if (session.stage !== 'full')
        throw new HttpError('mfa_required', 'Finish logging in with the code from your authenticator app.');
      if (mode === 'full' && session.user.mustChangePassword)
        throw new HttpError(
          'forbidden',
          'You must change your password before you can continue.',
          undefined,
          { reason: 'password_change_required' },
        );
      return;
  }
}
