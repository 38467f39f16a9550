import type { Kysely, Migration } from 'kysely';

/**
 * Wider family indexes for a worklist page's details (policies/list-details.ts), each replacing the index of
 * 0001 that is its prefix, so a write maintains as many indexes as before:
 * - contacts by (family, date, id): the latest contact per family is the index's last entry, ties on the
 *   date broken by the id in the index itself, without reading the rows of a family's contacts and sorting;
 * - persons by (family, kind, birth date): a page's children (or its parents) are found without reading the
 *   family's other persons, and the children come in order of birth.
 * A page's server CPU fell 3.5 % in a same-run A/B (docs/performance-log.md, thirteenth session).
 * Same statements on SQLite and PostgreSQL.
 */
export function listDetailIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('contacts_family_date_id_idx')
        .on('contacts')
        .columns(['family_id', 'date', 'id'])
        .execute();
      await db.schema
        .createIndex('persons_family_kind_idx')
        .on('persons')
        .columns(['family_id', 'kind', 'birth_date'])
        .execute();
      await db.schema.dropIndex('contacts_family_date_idx').execute();
      await db.schema.dropIndex('persons_family_idx').execute();
    },
  };
}
