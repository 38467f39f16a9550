import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, UserTable } from '../db/schema.ts';
import { totpContext } from '../db/secrets.ts';
import { HttpError } from '../http/errors.ts';
import { type AuthUser, auditAuth } from './auth-audit.ts';
import {
  assertIpAllowed,
  clearAccountFailures,
  lockedError,
  lockedUntil,
  recordFailure,
} from './login-throttle.ts';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password.ts';
import {
  issueRecoveryCodes,
  looksLikeRecoveryCode,
  remainingRecoveryCodes,
  useRecoveryCode,
} from './recovery-codes.ts';
import { readSessionCookie } from './session-cookie.ts';
import { createSession, deleteExpiredSessions, deleteSession, type NewSession } from './session-store.ts';
import { hashToken } from './session-token.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';

export type LoginResult =
  | { kind: 'full'; session: NewSession; userId: string }
  | { kind: 'enrol'; session: NewSession; secret: string; otpauthUrl: string }
  | { kind: 'mfa_required'; session: NewSession };

export type UserRow = Pick<
  UserTable,
  | 'id'
  | 'email'
  | 'role'
  | 'organisation_id'
  | 'password_hash'
  | 'totp_secret'
  | 'totp_enrolled_at'
  | 'is_demo'
  | 'disabled_at'
>;

const INVALID = 'Invalid e-mail or password.';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function authUser(user: UserRow): AuthUser {
  return { id: user.id, role: user.role, organisationId: user.organisation_id };
}

/**
 * The account behind an e-mail address (already normalised). Stored addresses are lower case
 * (users_email_lowercase_check), so `email =` means `lower(email) =` and finds the row through the unique
 * index; `lower(email)` read every account on each log-in (docs/operations.md §7).
 */
export function userByEmailQuery(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'role',
      'organisation_id',
      'password_hash',
      'totp_secret',
      'totp_enrolled_at',
      'is_demo',
      'disabled_at',
    ])
    .where('email', '=', email);
}

export function findUserByEmail(app: FastifyInstance, email: string): Promise<UserRow | undefined> {
  return userByEmailQuery(app.db, email).executeTakeFirst();
}

async function findUserById(app: FastifyInstance, id: string): Promise<UserRow | undefined> {
  return app.db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'role',
      'organisation_id',
      'password_hash',
      'totp_secret',
      'totp_enrolled_at',
      'is_demo',
      'disabled_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Refusals that happen before any credential is checked: too many attempts from here, or a locked account. */
async function guard(
  app: FastifyInstance,
  request: FastifyRequest,
  email: string,
  user: UserRow | undefined,
) {
  const now = app.clock();
  try {
    await assertIpAllowed(app.db, app.config, request.ip, now);
    const until = await lockedUntil(app.db, app.config, email, now);
    if (until) throw lockedError(until);
  } catch (err) {
    if (err instanceof HttpError)
      await auditAuth(app.db, {
        action: 'login.failed',
        outcome: 'denied',
        user: user ? authUser(user) : null,
        clientIp: request.ip,
        details: { reason: err.error },
      });
    throw err;
  }
}

/** Counts the failure, audits it (and a lockout it causes), and answers with the given error. */
export async function fail(
  app: FastifyInstance,
  request: FastifyRequest,
  email: string,
  user: UserRow | undefined,
  reason: string,
  error: HttpError,
): Promise<never> {
  const now = app.clock();
  await app.db.transaction().execute(async (trx) => {
    const locked = await recordFailure(trx, app.config, { email, ip: request.ip, now });
    if (user)
      await trx
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb('failed_logins', '+', 1),
          ...(locked ? { locked_until: locked.toISOString() } : {}),
        }))
        .where('id', '=', user.id)
        .execute();
    await auditAuth(trx, {
      action: 'login.failed',
      outcome: 'failure',
      user: user ? authUser(user) : null,
      clientIp: request.ip,
      details: locked ? { reason, lockedUntil: locked.toISOString() } : { reason },
    });
  });
  throw error;
}

/**
 * The session that proves the password (and, for a full session, the second factor). Any session the browser
 * still carried is dropped: a new id at every step defeats session fixation (ASVS 3.2.1).
 */
export async function startSession(
  app: FastifyInstance,
  request: FastifyRequest,
  user: UserRow,
  stage: 'full' | 'mfa_pending' | 'enrol_pending',
  /** How the user proved who they are, for the audit row. */
  details: Record<string, unknown>,
): Promise<NewSession> {
  const now = app.clock();
  const email = normaliseEmail(user.email);
  const previous = readSessionCookie(request, app.config);
  return app.db.transaction().execute(async (trx) => {
    if (previous) await deleteSession(trx, hashToken(previous));
    await deleteExpiredSessions(trx, user.id, now);
    const session = await createSession(trx, app.config, {
      userId: user.id,
      stage,
      clientIp: request.ip,
      now,
    });
    if (stage === 'full') {
      await clearAccountFailures(trx, email);
      await trx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
      await auditAuth(trx, {
        action: 'login',
        outcome: 'success',
        user: authUser(user),
        clientIp: request.ip,
        details,
      });
    }
    return session;
  });
}

/** `POST /api/session`: password, then TOTP (or enrolment) for every account except demo accounts. */
export async function logIn(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { email: string; password: string; totp?: string | undefined },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const user = await findUserByEmail(app, email);
  await guard(app, request, email, user);

  const passwordOk =
    user && user.disabled_at === null
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk) {
    const reason = !user ? 'unknown_user' : user.disabled_at !== null ? 'disabled' : 'wrong_password';
    return fail(app, request, email, user, reason, new HttpError('unauthenticated', INVALID));
  }

  if (needsRehash(user.password_hash))
    await app.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password) })
      .where('id', '=', user.id)
      .execute();

  if (Number(user.is_demo) === 1)
    return {
      kind: 'full',
      session: await startSession(app, request, user, 'full', { method: 'password', secondFactor: null }),
      userId: user.id,
    };

  if (user.totp_enrolled_at === null || user.totp_secret === null) {
    // A fresh secret at every attempt: a secret shown to an earlier, abandoned attempt is worthless.
    const secret = newTotpSecret();
    await app.db
      .updateTable('users')
      .set({ totp_secret: app.secrets.seal(secret, totpContext(user.id)) })
      .where('id', '=', user.id)
      .execute();
    const session = await startSession(app, request, user, 'enrol_pending', {});
    return { kind: 'enrol', session, secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  if (input.totp === undefined || input.totp === '')
    return { kind: 'mfa_required', session: await startSession(app, request, user, 'mfa_pending', {}) };

  const proof = await checkSecondFactor(app, user, input.totp);
  if (!proof.ok) return fail(app, request, email, user, proof.reason, invalidCode('totp'));
  return {
    kind: 'full',
    session: await startSession(app, request, user, 'full', { method: 'password', ...proof.details }),
    userId: user.id,
  };
}

type SecondFactorCheck =
  | { ok: true; details: Record<string, unknown> }
  | { ok: false; reason: 'totp_invalid' | 'recovery_code_invalid' };

/**
 * A six-digit TOTP code, or one of the user's recovery codes (spent by this call). A secret that does not open
 * (wrong key, tampered row) fails like a wrong code rather than answering 500 at the log-in screen.
 */
async function checkSecondFactor(
  app: FastifyInstance,
  user: UserRow,
  code: string,
  options: { recoveryAllowed: boolean } = { recoveryAllowed: true },
): Promise<SecondFactorCheck> {
  const now = app.clock();
  if (options.recoveryAllowed && looksLikeRecoveryCode(code)) {
    if (!(await useRecoveryCode(app.db, { userId: user.id, code, now })))
      return { ok: false, reason: 'recovery_code_invalid' };
    const left = await remainingRecoveryCodes(app.db, user.id);
    return { ok: true, details: { secondFactor: 'recovery_code', recoveryCodesLeft: left } };
  }
  const secret = openTotpSecret(app, user);
  const ok = secret !== null && (await verifyTotp(app.db, { userId: user.id, secret, code, now }));
  return ok ? { ok: true, details: { secondFactor: 'totp' } } : { ok: false, reason: 'totp_invalid' };
}

function openTotpSecret(app: FastifyInstance, user: UserRow): string | null {
  if (user.totp_secret === null) return null;
  try {
    return app.secrets.open(user.totp_secret, totpContext(user.id));
  } catch {
    return null;
  }
}

function invalidCode(field: string): HttpError {
  return new HttpError(
    'mfa_required',
    'The authentication code is not valid; enter the current code from your app, or an unused recovery code.',
    field,
  );
}

/** `POST /api/session/totp`: the second step after `mfa_required`, or the first code that completes enrolment. */
export async function completeSecondFactor(
  app: FastifyInstance,
  request: FastifyRequest,
  code: string,
): Promise<{ session: NewSession; userId: string; recoveryCodes?: string[] }> {
  const pending = request.session;
  if (!pending || pending.stage === 'full')
    throw new HttpError('unauthenticated', 'Log in with your e-mail address and password first.');
  const user = await findUserById(app, pending.user.id);
  if (!user || user.totp_secret === null || user.disabled_at !== null)
    throw new HttpError('unauthenticated', 'Log in with your e-mail address and password first.');
  const email = normaliseEmail(user.email);
  await guard(app, request, email, user);

  const enrolling = pending.stage === 'enrol_pending';
  // Recovery codes stand in for an enrolled authenticator; enrolment itself must prove the new one works.
  const proof = await checkSecondFactor(app, user, code, { recoveryAllowed: !enrolling });
  if (!proof.ok) return fail(app, request, email, user, proof.reason, invalidCode('code'));
  if (!enrolling) {
    const session = await startSession(app, request, user, 'full', { method: 'password', ...proof.details });
    return { session, userId: user.id };
  }
  const now = app.clock();
  const recoveryCodes = await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enrolled_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const codes = await issueRecoveryCodes(trx, user.id, now);
    await auditAuth(trx, {
      action: 'recovery_codes.issue',
      outcome: 'success',
      user: authUser(user),
      clientIp: request.ip,
      details: { count: codes.length, at: 'enrolment' },
    });
    return codes;
  });
  const details = { method: 'password', secondFactor: 'totp_enrolled' };
  return { session: await startSession(app, request, user, 'full', details), userId: user.id, recoveryCodes };
}
