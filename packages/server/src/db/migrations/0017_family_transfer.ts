import type { Kysely, Migration } from 'kysely';

/**
 * A family handed over between organisations (a move to another municipality or across the border):
 * - `family_transfers`: the sending side's record of the hand-over: who, to which organisation, on which
 *   consent, when. Its care relationships end at the same moment; the file itself stays as history.
 * - `family_imports`: the receiving side's record of a Bundle it imported, by the sender's family id, so a
 *   second import of the same family answers the family it created the first time.
 */
export function familyTransfer(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('family_transfers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
        .addColumn('to_organisation', 'text', (c) => c.notNull())
        .addColumn('transferred_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('transferred_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('family_transfers_family_idx')
        .on('family_transfers')
        .column('family_id')
        .execute();
      await db.schema
        .createTable('family_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('source_family_id', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('family_imports_source_uq', ['organisation_id', 'source_family_id'])
        .execute();
    },
  };
}
