import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { AgreementTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type AgreementRow = Selectable<AgreementTable>;
export type AgreementPatch = Partial<
  Pick<
    AgreementTable,
    | 'text'
    | 'next_topic'
    | 'next_topic_permission'
    | 'extra_contact'
    | 'follow_up_due'
    | 'status'
    | 'superseded_by'
  >
>;

export async function insertAgreement(db: Db, row: Insertable<AgreementTable>): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
}

export function findAgreement(db: Db, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgreementByContact(db: Db, contactId: string): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Precompiled: it runs on every family read. */
export function agreementsOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}
const agreementsOfFamily = precompiled((db, p: { familyId: string }) =>
  agreementsOfFamilyQuery(db, p.familyId),
);

export function listAgreements(db: Db, familyId: string): Promise<AgreementRow[]> {
  return agreementsOfFamily.execute(db, { familyId: familyId });
}

export async function updateAgreement(
  db: Db,
  id: string,
  version: number,
  patch: AgreementPatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('agreements')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}

/**
 * Closes the family's other open follow-ups that a newer one replaces: each is marked done and names the
 * agreement that replaced it. Returns the ids it closed (for the audit record).
 */
export async function supersedeFollowUps(
  db: Db,
  familyId: string,
  by: { id: string; createdAt: string },
  now: string,
): Promise<string[]> {
  const older = await db
    .selectFrom('agreements')
    .select('id')
    .where('family_id', '=', familyId)
    .where('status', '=', 'open')
    .where('follow_up_due', 'is not', null)
    .where('id', '!=', by.id)
    .where('created_at', '<=', by.createdAt)
    .execute();
  const ids = older.map((a) => a.id);
  if (ids.length === 0) return [];
  await db
    .updateTable('agreements')
    .set((eb) => ({ status: 'done', superseded_by: by.id, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
  return ids;
}

/** Rewrites an agreement as part of editing its contact, whose own version check already guards the edit. */
export async function rewriteAgreement(
  db: Db,
  id: string,
  patch: AgreementPatch,
  now: string,
): Promise<void> {
  await db
    .updateTable('agreements')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
