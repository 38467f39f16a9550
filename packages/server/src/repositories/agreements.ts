import type { Insertable, Selectable } from 'kysely';
import type { AgreementTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type AgreementRow = Selectable<AgreementTable>;
export type AgreementPatch = Partial<
  Pick<
    AgreementTable,
    'text' | 'next_topic' | 'next_topic_permission' | 'extra_contact' | 'follow_up_due' | 'status'
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

export function listAgreements(db: Db, familyId: string): Promise<AgreementRow[]> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
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
