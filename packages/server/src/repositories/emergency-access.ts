import type { Insertable, Selectable } from 'kysely';
import { v7 as uuid } from 'uuid';
import type { EmergencyAccessTable, Role } from '../db/schema.ts';
import type { Db } from './db.ts';

export type EmergencyAccessRow = Selectable<EmergencyAccessTable>;

export async function insertEmergencyAccess(db: Db, row: Insertable<EmergencyAccessTable>): Promise<void> {
  await db.insertInto('emergency_access').values(row).execute();
}

export interface EmergencyReviewRow extends EmergencyAccessRow {
  user_name: string;
  user_role: Role;
  reviewer_name: string | null;
}

/** Who reviews whom: the application manager the whole organisation, a team lead the members of their team. */
export interface ReviewScope {
  organisationId: string;
  teamId: string | null;
}

function reviewable(db: Db, scope: ReviewScope) {
  let q = db
    .selectFrom('emergency_access as ea')
    .innerJoin('users as u', 'u.id', 'ea.user_id')
    .leftJoin('users as r', 'r.id', 'ea.reviewed_by')
    .where('u.organisation_id', '=', scope.organisationId);
  if (scope.teamId !== null) q = q.where('u.team_id', '=', scope.teamId);
  return q;
}

export function listEmergencyAccess(
  db: Db,
  scope: ReviewScope,
  opts: { reviewed: boolean; offset: number; limit: number },
): Promise<EmergencyReviewRow[]> {
  return reviewable(db, scope)
    .selectAll('ea')
    .select(['u.display_name as user_name', 'u.role as user_role', 'r.display_name as reviewer_name'])
    .where('ea.reviewed_at', opts.reviewed ? 'is not' : 'is', null)
    .orderBy('ea.started_at', 'desc')
    .orderBy('ea.id', 'desc')
    .offset(opts.offset)
    .limit(opts.limit)
    .execute();
}

export async function countEmergencyAccess(db: Db, scope: ReviewScope, reviewed: boolean): Promise<number> {
  const row = await reviewable(db, scope)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('ea.reviewed_at', reviewed ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findReviewable(
  db: Db,
  scope: ReviewScope,
  id: string,
): Promise<EmergencyReviewRow | undefined> {
  return reviewable(db, scope)
    .selectAll('ea')
    .select(['u.display_name as user_name', 'u.role as user_role', 'r.display_name as reviewer_name'])
    .where('ea.id', '=', id)
    .executeTakeFirst();
}

export async function markReviewed(db: Db, id: string, reviewerId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('emergency_access')
    .set({ reviewed_by: reviewerId, reviewed_at: now })
    .where('id', '=', id)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The user's grants on one family, newest first: to find what a new one renews, and the reasons given. */
export function userGrantsOnFamily(db: Db, userId: string, familyId: string): Promise<EmergencyAccessRow[]> {
  return db
    .selectFrom('emergency_access')
    .selectAll()
    .where('user_id', '=', userId)
    .where('family_id', '=', familyId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Ends a grant now: a renewal replaces it, so there is one running grant with one reason. */
export async function endEmergencyAccess(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('emergency_access')
    .set({ expires_at: now })
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .execute();
}

/**
 * Who hears of an emergency access at once: the active team leads of the user's team (not the user), and
 * where there is none, the organisation's active application managers, so that someone always reviews it.
 */
export async function emergencyReviewerIds(
  db: Db,
  user: { id: string; organisationId: string; teamId: string | null },
): Promise<string[]> {
  const active = db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', user.organisationId)
    .where('disabled_at', 'is', null)
    .where('id', '!=', user.id);
  const leads =
    user.teamId === null
      ? []
      : await active.where('role', '=', 'team_lead').where('team_id', '=', user.teamId).execute();
  if (leads.length > 0) return leads.map((r) => r.id);
  const managers = await active.where('role', '=', 'application_manager').execute();
  return managers.map((r) => r.id);
}
