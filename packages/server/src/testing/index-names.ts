import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** The names of a table's indexes, sorted, as the database's own catalogue lists them. */
export async function indexNames(db: Kysely<Database>, dialect: Dialect, table: string): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = ${table} order by name`.execute(db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = ${table} order by indexname`.execute(db);
  return rows.map((r) => r.name);
}
