import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { ConsentTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type ConsentRow = Selectable<ConsentTable>;

export async function insertConsent(db: Db, row: Insertable<ConsentTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export function findConsent(db: Db, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Precompiled: it runs on every family read. */
export function consentsOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('given_at', 'desc')
    .orderBy('id', 'desc');
}
const consentsOfFamily = precompiled((db, p: { familyId: string }) => consentsOfFamilyQuery(db, p.familyId));

export function listConsents(db: Db, familyId: string): Promise<ConsentRow[]> {
  return consentsOfFamily.execute(db, { familyId: familyId });
}

/** Withdrawal is a one-way, timestamped step: false when it was already withdrawn. */
export async function withdrawConsent(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('consents')
    .set((eb) => ({ withdrawn_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return updatedOne(result);
}
