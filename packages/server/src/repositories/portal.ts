import { type Insertable, type Selectable, sql } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type {
  ParentAccountTable,
  ParentSelfReportTable,
  PortalHeldBackTable,
  PortalInvitationTable,
} from '../db/schema.ts';
import type { Db } from './db.ts';
import { auditRowsOfFamily } from './family-audit-rows.ts';

export type ParentAccountRow = Selectable<ParentAccountTable>;
export type PortalInvitationRow = Selectable<PortalInvitationTable>;
export type ParentSelfReportRow = Selectable<ParentSelfReportTable>;
export type HeldBackRow = Selectable<PortalHeldBackTable> & { created_by_name: string | null };

export function findParentByEmail(db: Db, email: string): Promise<ParentAccountRow | undefined> {
  return db
    .selectFrom('parent_accounts')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
}

export function findParentById(db: Db, id: string): Promise<ParentAccountRow | undefined> {
  return db.selectFrom('parent_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findParentByPerson(db: Db, personId: string): Promise<ParentAccountRow | undefined> {
  return db.selectFrom('parent_accounts').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export function listParentsOfFamily(db: Db, familyId: string): Promise<ParentAccountRow[]> {
  return db.selectFrom('parent_accounts').selectAll().where('family_id', '=', familyId).execute();
}

export async function insertParentAccount(db: Db, row: Insertable<ParentAccountTable>): Promise<void> {
  await db.insertInto('parent_accounts').values(row).execute();
}

/** Whether the person is named in a safety route of their family that is still open. */
export async function flaggedInOpenSafetyRoute(db: Db, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('safety_route_persons as f')
    .innerJoin('safety_routes as r', 'r.id', 'f.route_id')
    .select('f.person_id')
    .where('f.person_id', '=', personId)
    .where('r.status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

export async function flaggedPersonsOf(db: Db, familyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('safety_route_persons as f')
    .innerJoin('safety_routes as r', 'r.id', 'f.route_id')
    .select('f.person_id')
    .where('r.family_id', '=', familyId)
    .where('r.status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function insertInvitation(db: Db, row: Insertable<PortalInvitationTable>): Promise<void> {
  await db.insertInto('portal_invitations').values(row).execute();
}

/** A new code replaces any open one of the same caregiver: only the newest letter works. */
export async function revokeOpenInvitations(db: Db, personId: string, at: string): Promise<void> {
  await db
    .updateTable('portal_invitations')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export function findInvitationByHash(db: Db, codeHash: string): Promise<PortalInvitationRow | undefined> {
  return db.selectFrom('portal_invitations').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/** Marks the invitation used, only if it still is open: a race between two redemptions has one winner. */
export async function useInvitation(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('portal_invitations')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function openInvitationsOf(db: Db, familyId: string, at: string): Promise<PortalInvitationRow[]> {
  return db
    .selectFrom('portal_invitations')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteParentSessions(db: Db, parentId: string): Promise<void> {
  await db.deleteFrom('parent_sessions').where('parent_id', '=', parentId).execute();
}

export async function insertSelfReport(db: Db, row: Insertable<ParentSelfReportTable>): Promise<void> {
  await db.insertInto('parent_self_reports').values(row).execute();
}

export function selfReportsOfPerson(db: Db, personId: string): Promise<ParentSelfReportRow[]> {
  return db
    .selectFrom('parent_self_reports')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Precompiled: it runs on every family read. */
export function selfReportsOfQuery(db: Db, familyId: string) {
  // Two reports of one moment come in the same order from the one-statement file and the separate read.
  return db
    .selectFrom('parent_self_reports')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}
const selfReportsOf = precompiled((db, p: { familyId: string }) => selfReportsOfQuery(db, p.familyId));

export function selfReportsOfFamily(db: Db, familyId: string): Promise<ParentSelfReportRow[]> {
  return selfReportsOf.execute(db, { familyId });
}

export function heldBackOf(db: Db, familyId: string): Promise<HeldBackRow[]> {
  return db
    .selectFrom('portal_held_back as h')
    .leftJoin('users as u', 'u.id', 'h.created_by')
    .selectAll('h')
    .select('u.display_name as created_by_name')
    .where('h.family_id', '=', familyId)
    .orderBy('h.created_at', 'desc')
    .execute();
}

export function findHeldBack(db: Db, id: string): Promise<HeldBackRow | undefined> {
  return db
    .selectFrom('portal_held_back as h')
    .leftJoin('users as u', 'u.id', 'h.created_by')
    .selectAll('h')
    .select('u.display_name as created_by_name')
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export async function insertHeldBack(db: Db, row: Insertable<PortalHeldBackTable>): Promise<void> {
  await db.insertInto('portal_held_back').values(row).execute();
}

export async function deleteHeldBack(db: Db, id: string): Promise<void> {
  await db.deleteFrom('portal_held_back').where('id', '=', id).execute();
}

const PARENT_ACTIONS_SHOWN = ['consent.withdraw', 'portal.self_report.create', 'portal.invitation.redeem'];

/**
 * The family's file as its audit log saw it, for a parent: what professionals did and this parent's own
 * changes (never the other parent's), successes only, newest first.
 */
function portalAuditQuery(db: Db, familyId: string, parentId: string) {
  return db
    .selectFrom(auditRowsOfFamily(db, familyId).as('a'))
    .where('a.outcome', '=', 'success')
    .where((eb) =>
      eb.or([
        eb.and([eb('a.user_role', 'is not', null), eb('a.user_role', '!=', 'parent')]),
        // The parent's own reads of the portal would bury the professionals' lines: only what they changed.
        eb.and([eb('a.user_id', '=', parentId), eb('a.action', 'in', PARENT_ACTIONS_SHOWN)]),
      ]),
    );
}

export function portalAccessLog(
  db: Db,
  familyId: string,
  parentId: string,
  page: { offset: number; limit: number },
) {
  return portalAuditQuery(db, familyId, parentId)
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.at',
      'a.user_id',
      'a.user_role',
      'u.display_name as user_name',
      'o.name as organisation_name',
      'o.portal_show_names as show_names',
      'a.action',
      'a.basis',
    ])
    .orderBy('a.seq', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function countPortalAccessLog(db: Db, familyId: string, parentId: string): Promise<number> {
  const row = await portalAuditQuery(db, familyId, parentId)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The users who look after the family today: direct care relationships, else the nurses of a caring team. */
export async function caringUserIds(db: Db, familyId: string, today: string): Promise<string[]> {
  const relations = await db
    .selectFrom('care_relationships')
    .select(['user_id', 'team_id'])
    .where('family_id', '=', familyId)
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
  const direct = relations.flatMap((r) => (r.user_id ? [r.user_id] : []));
  const teams = relations.flatMap((r) => (r.team_id ? [r.team_id] : []));
  const teamNurses =
    direct.length === 0 && teams.length > 0
      ? await db
          .selectFrom('users')
          .select('id')
          .where('team_id', 'in', teams)
          .where('role', '=', 'nurse')
          .where('disabled_at', 'is', null)
          .execute()
      : [];
  return [...new Set([...direct, ...teamNurses.map((u) => u.id)])];
}
