import { type Kysely, type Migration, sql } from 'kysely';

/**
 * National identifiers (BSN for nl, INSZ for be) of children and caregivers, optional:
 * - `national_id_sealed`: the number sealed with the secrets key (db/secrets.ts), so a copied database or dump
 *   does not hand out citizen service numbers;
 * - `national_id_key`: its keyed digest, for finding a person by the exact number (search, import) without
 *   opening every sealed value;
 * - `national_id_hint`: the last four digits, which the file shows to recognise the number (as card numbers
 *   are shown), never enough to use it;
 * - `national_id_system`: which number it is, as a family may move across the border.
 * Only nullable columns are added, which both SQLite and PostgreSQL do in place.
 */
export function nationalIds(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('persons')
        .addColumn('national_id_system', 'text', (c) => c.check(sql`national_id_system in ('bsn', 'insz')`))
        .execute();
      await db.schema.alterTable('persons').addColumn('national_id_sealed', 'text').execute();
      await db.schema.alterTable('persons').addColumn('national_id_key', 'text').execute();
      await db.schema.alterTable('persons').addColumn('national_id_hint', 'text').execute();
      await db.schema
        .createIndex('persons_national_id_key_idx')
        .on('persons')
        .column('national_id_key')
        .execute();
    },
  };
}
