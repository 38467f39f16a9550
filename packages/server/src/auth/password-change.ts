import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { requirePrincipal } from '../http/principal.ts';
import { auditAuth } from './auth-audit.ts';
import { normaliseEmail } from './login.ts';
import { lockedError, lockedUntil, recordFailure } from './login-throttle.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';
import { issueRecoveryCodes } from './recovery-codes.ts';
import { deleteUserSessions } from './session-store.ts';

/**
 * `POST /api/session/password`. The current password is asked again (ASVS 2.1.5) and a wrong one counts towards
 * the lockout like a failed log-in, so a left-open session cannot be used to guess it. Other sessions of the
 * user end; this one stays.
 */
export async function changePassword(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const principal = requirePrincipal(request);
  const user = await app.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.password_hash', 'organisations.name'])
    .where('users.id', '=', principal.userId)
    .executeTakeFirstOrThrow();
  const email = normaliseEmail(user.email);
  const who = { id: principal.userId, role: principal.role, organisationId: principal.organisationId };

  const until = await lockedUntil(app.db, app.config, email, app.clock());
  if (until) throw lockedError(until);

  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await app.db.transaction().execute(async (trx) => {
      await recordFailure(trx, app.config, { email, ip: request.ip, now: app.clock() });
      await auditAuth(trx, {
        action: 'password.change',
        outcome: 'failure',
        user: who,
        clientIp: request.ip,
        details: { reason: 'wrong_current_password' },
      });
    });
    throw new HttpError('invalid_input', 'The current password is not correct.', 'currentPassword').because(
      'wrong_password',
    );
  }
  const policy = checkPasswordPolicy(input.newPassword, {
    email: user.email,
    name: user.display_name,
    organisation: user.name,
  });
  // `reason` lets the web app say it in the user's language; the message is the English fallback.
  if (!policy.ok)
    throw new HttpError('invalid_input', policy.message, 'newPassword', { reason: policy.reason }).because(
      'weak_password',
      { reason: policy.reason },
    );
  if (input.newPassword === input.currentPassword)
    throw new HttpError(
      'invalid_input',
      'Choose a password that differs from the current one.',
      'newPassword',
    ).because('same_password');

  const hash = await hashPassword(input.newPassword);
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: hash, must_change_password: 0, version: eb('version', '+', 1) }))
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id, principal.sessionIdHash);
    await auditAuth(trx, { action: 'password.change', outcome: 'success', user: who, clientIp: request.ip });
  });
}

/**
 * `POST /api/session/recovery-codes`. Asks for the password again, like a password change: a session left
 * open must not be enough to mint a second factor that outlives it.
 */
export async function regenerateRecoveryCodes(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { currentPassword: string },
): Promise<string[]> {
  const principal = requirePrincipal(request);
  const user = await app.db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'totp_enrolled_at'])
    .where('id', '=', principal.userId)
    .executeTakeFirstOrThrow();
  const email = normaliseEmail(user.email);
  const who = { id: principal.userId, role: principal.role, organisationId: principal.organisationId };
  const until = await lockedUntil(app.db, app.config, email, app.clock());
  if (until) throw lockedError(until);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await app.db.transaction().execute(async (trx) => {
      await recordFailure(trx, app.config, { email, ip: request.ip, now: app.clock() });
      await auditAuth(trx, {
        action: 'recovery_codes.issue',
        outcome: 'failure',
        user: who,
        clientIp: request.ip,
        details: { reason: 'wrong_current_password' },
      });
    });
    throw new HttpError('invalid_input', 'The current password is not correct.', 'currentPassword').because(
      'wrong_password',
    );
  }
  if (user.totp_enrolled_at === null)
    throw new HttpError('conflict', 'Set up two-step verification first; recovery codes come with it.');
  const now = app.clock();
  return app.db.transaction().execute(async (trx) => {
    const codes = await issueRecoveryCodes(trx, user.id, now);
    await auditAuth(trx, {
      action: 'recovery_codes.issue',
      outcome: 'success',
      user: who,
      clientIp: request.ip,
      details: { count: codes.length, at: 'regenerate' },
    });
    return codes;
  });
}
