import type { Selectable } from 'kysely';
import type { ParentFactorObservationTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type ParentFactorRow = Selectable<ParentFactorObservationTable>;

export function listParentFactors(db: Db, contactId: string): Promise<ParentFactorRow[]> {
  return db
    .selectFrom('parent_factor_observations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('person_id')
    .orderBy('code')
    .execute();
}

/** Replaces a contact's per-parent factors wholesale; callers carry over `recorded_at` of unchanged ones. */
export async function replaceParentFactors(
  db: Db,
  contactId: string,
  rows: ParentFactorRow[],
): Promise<void> {
  await db.deleteFrom('parent_factor_observations').where('contact_id', '=', contactId).execute();
  if (rows.length > 0) await db.insertInto('parent_factor_observations').values(rows).execute();
}
