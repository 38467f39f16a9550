import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { InstrumentResponseTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type InstrumentResponseRow = Selectable<InstrumentResponseTable>;

export async function insertInstrumentResponse(
  db: Db,
  row: Insertable<InstrumentResponseTable>,
): Promise<void> {
  await db.insertInto('instrument_responses').values(row).execute();
}

/** Precompiled: it runs on every family read. */
export function instrumentResponsesOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('instrument_responses')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}
const instrumentResponsesOfFamily = precompiled((db, p: { familyId: string }) =>
  instrumentResponsesOfFamilyQuery(db, p.familyId),
);

export function listInstrumentResponses(db: Db, familyId: string): Promise<InstrumentResponseRow[]> {
  return instrumentResponsesOfFamily.execute(db, { familyId: familyId });
}
