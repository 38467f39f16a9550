import type { SessionUser } from '@nestwerk/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** What the web app learns about the logged-in user; the contract's `sessionUser` lets nothing else out. */
export async function presentUser(db: Kysely<Database>, userId: string): Promise<SessionUser> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.must_change_password',
      'users.is_demo',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.region',
      'organisations.phone as organisation_phone',
      'teams.id as team_id',
      'teams.name as team_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      region: row.region,
      phone: row.organisation_phone,
    },
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    mustChangePassword: Number(row.must_change_password) === 1,
    isDemo: Number(row.is_demo) === 1,
  };
}
