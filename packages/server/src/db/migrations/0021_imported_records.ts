import type { Kysely, Migration } from 'kysely';

/**
 * What an import brought in, record by record: the provenance marker the family file can show ("imported from
 * <source system>"), the sender's own id of the record, and the professional the sender named, whom this
 * organisation has no user for. The import keeps the record's own dates in its own table; this says where it
 * came from.
 */
export function importedRecords(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('imported_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('record_kind', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('source_system', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('source_author', 'text')
        .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('imported_records_record_uq', ['record_kind', 'record_id'])
        .execute();
      await db.schema
        .createIndex('imported_records_family_idx')
        .on('imported_records')
        .column('family_id')
        .execute();
    },
  };
}
