import { randomInt } from 'node:crypto';
import type { AdminUser } from '@nestwerk/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { auditAuth } from './auth-audit.ts';
import { normaliseEmail } from './login.ts';
import { clearAccountFailures } from './login-throttle.ts';
import { hashPassword } from './password.ts';
import { deleteUserSessions } from './session-store.ts';
import { forgetTotpSteps } from './totp.ts';

/** No 0/O, 1/l/i: it is read off a screen and typed in by someone else. About 99 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

function usersOf(app: FastifyInstance, organisationId: string) {
  return app.db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .where('users.organisation_id', '=', organisationId);
}

function selectAdminUsers(app: FastifyInstance, organisationId: string) {
  return usersOf(app, organisationId).select([
    'users.id',
    'users.email',
    'users.display_name',
    'users.role',
    'users.totp_enrolled_at',
    'users.must_change_password',
    'users.locked_until',
    'users.disabled_at',
    'users.is_demo',
    'users.created_at',
    'teams.id as team_id',
    'teams.name as team_name',
  ]);
}

type AdminUserRow = Awaited<ReturnType<ReturnType<typeof selectAdminUsers>['executeTakeFirstOrThrow']>>;

function present(r: AdminUserRow, now: string): AdminUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    team: r.team_id !== null && r.team_name !== null ? { id: r.team_id, name: r.team_name } : null,
    totpEnrolled: r.totp_enrolled_at !== null,
    mustChangePassword: Number(r.must_change_password) === 1,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
    disabled: r.disabled_at !== null,
    isDemo: Number(r.is_demo) === 1,
    createdAt: r.created_at,
  };
}

export async function listUsers(
  app: FastifyInstance,
  principal: Principal,
  page: { offset: number; limit: number },
): Promise<{ items: AdminUser[]; total: number }> {
  const rows = await selectAdminUsers(app, principal.organisationId)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await usersOf(app, principal.organisationId)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const now = app.clock().toISOString();
  return { total: Number(total.n), items: rows.map((r) => present(r, now)) };
}

function auditor(principal: Principal) {
  return { id: principal.userId, role: principal.role, organisationId: principal.organisationId };
}

/** A new account with a temporary password; the user changes it and enrols TOTP at the first log-in. */
export async function createUser(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  input: { email: string; displayName: string; role: Role; teamId?: string | null | undefined },
): Promise<{ user: AdminUser; temporaryPassword: string }> {
  const email = normaliseEmail(input.email);
  if (input.teamId) {
    const team = await app.db
      .selectFrom('teams')
      .select('id')
      .where('id', '=', input.teamId)
      .where('organisation_id', '=', principal.organisationId)
      .executeTakeFirst();
    if (!team) throw new HttpError('invalid_input', 'No such team in your organisation.', 'teamId');
  }
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const id = uuidv7();
  const now = app.clock().toISOString();
  await app.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', email)
      .executeTakeFirst();
    if (taken)
      throw new HttpError('conflict', 'An account with this e-mail address already exists.', 'email');
    await trx
      .insertInto('users')
      .values({
        id,
        organisation_id: principal.organisationId,
        team_id: input.teamId ?? null,
        email,
        display_name: input.displayName,
        role: input.role,
        password_hash: hash,
        totp_secret: null,
        totp_enrolled_at: null,
        is_demo: 0,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        disabled_at: null,
        created_at: now,
        version: 1,
      })
      .execute();
    await auditAuth(trx, {
      action: 'admin.user.create',
      outcome: 'success',
      user: auditor(principal),
      clientIp: request.ip,
      basis: 'admin',
      details: { targetUserId: id, role: input.role },
    });
  });
  const row = await selectAdminUsers(app, principal.organisationId)
    .where('users.id', '=', id)
    .executeTakeFirstOrThrow();
  return { user: present(row, now), temporaryPassword: password };
}

/**
 * A temporary password the user must replace at the next log-in; every session of the user ends and a lockout
 * is lifted. `resetTotp` is for a lost phone: the user enrols again.
 */
export async function resetPassword(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
  options: { resetTotp: boolean },
): Promise<{ temporaryPassword: string }> {
  if (userId === principal.userId)
    throw new HttpError('forbidden', 'Change your own password with your current password instead.');
  const target = await app.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', userId)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  // Another organisation's user answers exactly like one that does not exist.
  if (!target) throw new HttpError('not_found', 'No such user.');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        version: eb('version', '+', 1),
        ...(options.resetTotp ? { totp_secret: null, totp_enrolled_at: null } : {}),
      }))
      .where('id', '=', target.id)
      .execute();
    await deleteUserSessions(trx, target.id);
    await clearAccountFailures(trx, normaliseEmail(target.email));
    if (options.resetTotp) await forgetTotpSteps(trx, target.id);
    await auditAuth(trx, {
      action: 'admin.user.reset_password',
      outcome: 'success',
      user: auditor(principal),
      clientIp: request.ip,
      basis: 'admin',
      details: { targetUserId: target.id, resetTotp: options.resetTotp },
    });
  });
  return { temporaryPassword: password };
}
