import type { Selectable } from 'kysely';
import type { PerinatalThresholdsTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type PerinatalThresholdsRow = Selectable<PerinatalThresholdsTable>;

export function findPerinatalThresholds(
  db: Db,
  organisationId: string,
): Promise<PerinatalThresholdsRow | undefined> {
  return db
    .selectFrom('perinatal_thresholds')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function savePerinatalThresholds(db: Db, row: PerinatalThresholdsRow): Promise<void> {
  await db
    .insertInto('perinatal_thresholds')
    .values(row)
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        thresholds_json: row.thresholds_json,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
