import type { AdminUser } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';

/** The accounts of the application manager's own organisation, as she lists and opens them. */
function usersOf(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .where('users.organisation_id', '=', organisationId);
}

function selectAdminUsers(db: Kysely<Database>, organisationId: string) {
  return usersOf(db, organisationId).select([
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

export async function adminUser(app: FastifyInstance, principal: Principal, id: string): Promise<AdminUser> {
  const row = await selectAdminUsers(app.db, principal.organisationId)
    .where('users.id', '=', id)
    .executeTakeFirstOrThrow();
  return present(row, app.clock().toISOString());
}

export async function listUsers(
  app: FastifyInstance,
  principal: Principal,
  page: { offset: number; limit: number },
): Promise<{ items: AdminUser[]; total: number }> {
  const rows = await selectAdminUsers(app.db, principal.organisationId)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await usersOf(app.db, principal.organisationId)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const now = app.clock().toISOString();
  return { total: Number(total.n), items: rows.map((r) => present(r, now)) };
}

export async function listTeams(
  app: FastifyInstance,
  principal: Principal,
): Promise<{ items: { id: string; name: string }[] }> {
  const items = await app.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', principal.organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { items };
}

/** A user of the own organisation; another organisation's answers exactly like one that does not exist. */
export async function targetOf(db: Kysely<Database>, principal: Principal, userId: string) {
  const target = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'team_id', 'disabled_at'])
    .where('id', '=', userId)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!target) throw new HttpError('not_found', 'No such user.');
  return target;
}
