import type { Insertable, Selectable } from 'kysely';
import type { InstrumentResponseTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type InstrumentResponseRow = Selectable<InstrumentResponseTable>;

export async function insertInstrumentResponse(
  db: Db,
  row: Insertable<InstrumentResponseTable>,
): Promise<void> {
  await db.insertInto('instrument_responses').values(row).execute();
}

export function listInstrumentResponses(db: Db, familyId: string): Promise<InstrumentResponseRow[]> {
  return db
    .selectFrom('instrument_responses')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
