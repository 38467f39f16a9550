import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';

const roleSchema = z.enum([
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
  'application_manager',
  'analyst',
]);

/** What the web app learns about the logged-in user (docs/api.md `user`); nothing else leaves the server. */
export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisation: z.object({ id: z.string(), name: z.string(), region: z.enum(['nl', 'be']) }),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
  isDemo: z.boolean(),
});

export type PresentedUser = z.infer<typeof sessionUserSchema>;

export async function presentUser(db: Kysely<Database>, userId: string): Promise<PresentedUser> {
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
    organisation: { id: row.organisation_id, name: row.organisation_name, region: row.region },
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    mustChangePassword: Number(row.must_change_password) === 1,
    isDemo: Number(row.is_demo) === 1,
  };
}
