import type { Insertable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { CareRelationshipTable, Role } from '../db/schema.ts';
import type { Db } from './db.ts';

export async function insertCareRelationship(db: Db, row: Insertable<CareRelationshipTable>): Promise<void> {
  await db.insertInto('care_relationships').values(row).execute();
}

export interface CareTeamRow {
  id: string;
  user_id: string | null;
  user_name: string | null;
  user_role: Role | null;
  team_id: string | null;
  team_name: string | null;
  start_date: string;
  end_date: string | null;
}

/** Who looks after the family, past and present (ended relationships stay visible as history). */
/** Precompiled: it runs on every family read. */
export function careTeamOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('care_relationships as cr')
    .leftJoin('users as u', 'u.id', 'cr.user_id')
    .leftJoin('teams as t', 't.id', 'cr.team_id')
    .select([
      'cr.id',
      'cr.user_id',
      'u.display_name as user_name',
      'u.role as user_role',
      'cr.team_id',
      't.name as team_name',
      'cr.start_date',
      'cr.end_date',
    ])
    .where('cr.family_id', '=', familyId)
    .orderBy('cr.start_date')
    .orderBy('cr.id');
}
const careTeamOfFamily = precompiled((db, p: { familyId: string }) => careTeamOfFamilyQuery(db, p.familyId));

export function listCareTeam(db: Db, familyId: string): Promise<CareTeamRow[]> {
  return careTeamOfFamily.execute(db, { familyId: familyId });
}
