import type { Selectable } from 'kysely';
import type { ObservationTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type ObservationRow = Selectable<ObservationTable>;

export function listObservations(db: Db, contactId: string): Promise<ObservationRow[]> {
  return db
    .selectFrom('observations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

/** Replaces a contact's observations wholesale; callers carry over `recorded_at` of unchanged ones. */
export async function replaceObservations(db: Db, contactId: string, rows: ObservationRow[]): Promise<void> {
  await db.deleteFrom('observations').where('contact_id', '=', contactId).execute();
  if (rows.length > 0) await db.insertInto('observations').values(rows).execute();
}
