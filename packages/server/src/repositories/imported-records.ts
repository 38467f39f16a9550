import type { Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { ImportedRecordTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type ImportedRecordRow = Pick<
  Selectable<ImportedRecordTable>,
  'record_kind' | 'record_id' | 'source_system' | 'imported_at'
>;

/** Precompiled: it runs on every family read (most families have no rows here). */
export function importedOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('imported_records')
    .select(['record_kind', 'record_id', 'source_system', 'imported_at'])
    .where('family_id', '=', familyId)
    .orderBy('record_kind')
    .orderBy('record_id');
}
const importedOfFamily = precompiled((db, p: { familyId: string }) => importedOfFamilyQuery(db, p.familyId));

/** What a FHIR import brought into this family, record by record (the provenance marker). */
export function listImportedRecords(db: Db, familyId: string): Promise<ImportedRecordRow[]> {
  return importedOfFamily.execute(db, { familyId });
}
