import { type Kysely, type Migration, sql } from 'kysely';
import { personSearchKey, searchKey } from '../search-key.ts';

const BATCH = 1000;

/**
 * A search key next to every family and person name (see search-key.ts): search then ignores case and
 * diacritics the same way on SQLite and PostgreSQL. Existing rows are filled in here, in batches by id, so
 * a large database is not read into memory at once; new and edited rows get their key from the repositories.
 * Also an index for the worklist's urgency order (urgent screenings by outcome and date).
 */
export function searchKeys(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('families')
        .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .alterTable('persons')
        .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      // The worklist puts a family with an urgent screening near the top: read those few through an index.
      await db.schema
        .createIndex('parent_screenings_outcome_date_idx')
        .on('parent_screenings')
        .columns(['outcome', 'date'])
        .execute();

      await backfillSearchKeys(db);
    },
  };
}

/** Fills in the search key of every family and person from their names; exported for its test. */
export async function backfillSearchKeys(db: Kysely<unknown>): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<{ id: string; name: string }>`
          select id, name from families where id > ${after} order by id limit ${BATCH}`.execute(db);
    for (const r of rows)
      await sql`update families set search_key = ${searchKey(r.name)} where id = ${r.id}`.execute(db);
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
  after = '';
  for (;;) {
    const { rows } = await sql<{ id: string; given_name: string; family_name: string }>`
          select id, given_name, family_name from persons where id > ${after} order by id limit ${BATCH}`.execute(
      db,
    );
    for (const r of rows)
      await sql`update persons set search_key = ${personSearchKey(r.given_name, r.family_name)} where id = ${r.id}`.execute(
        db,
      );
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
}
