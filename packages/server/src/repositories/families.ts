import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { FamilyTable } from '../db/schema.ts';
import { searchKey } from '../db/search-key.ts';
import { type Db, updatedOne } from './db.ts';

export type FamilyRow = Omit<Selectable<FamilyTable>, 'search_key'>;
export type FamilyPatch = Partial<Pick<FamilyTable, 'name' | 'postcode' | 'municipality'>>;

export async function insertFamily(db: Db, row: Omit<Insertable<FamilyTable>, 'search_key'>): Promise<void> {
  await db
    .insertInto('families')
    .values({ ...row, search_key: searchKey(row.name) })
    .execute();
}

/** Precompiled: it runs on every family read. */
export function familyByIdQuery(db: Db, id: string) {
  return db.selectFrom('families').selectAll().where('id', '=', id);
}
const familyById = precompiled((db, p: { id: string }) => familyByIdQuery(db, p.id));

export async function findFamily(db: Db, id: string): Promise<FamilyRow | undefined> {
  return (await familyById.execute(db, { id }))[0];
}

/** The next `limit` family ids after `after` (from the first when null), in id order: chunked whole-database work. */
export function familyIdsAfter(db: Db, after: string | null, limit: number): Promise<Array<{ id: string }>> {
  return db
    .selectFrom('families')
    .select('id')
    .$if(after !== null, (qb) => qb.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Optimistic lock: false when `version` is stale (someone else saved first). */
export async function updateFamily(
  db: Db,
  id: string,
  version: number,
  patch: FamilyPatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('families')
    .set((eb) => ({
      ...patch,
      ...(patch.name === undefined ? {} : { search_key: searchKey(patch.name) }),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}
