import { type Kysely, sql } from 'kysely';
import { sqliteHandleOf } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/**
 * The foreign keys that rows of the database break, for data written with the checks off (the demo loader).
 * SQLite: its own `foreign_key_check`, as `table → parent`. PostgreSQL has no such command: every foreign key
 * is dropped and added again in a savepoint that is rolled back — adding one checks every row — and the
 * names of those that fail are returned. Nothing is changed either way.
 */
export async function foreignKeyViolations(db: Kysely<Database>): Promise<string[]> {
  const sqlite = sqliteHandleOf(db);
  if (sqlite) {
    const rows = sqlite.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    return [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))];
  }
  const keys = await sql<{ tbl: string; name: string; definition: string }>`
    select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and connamespace = (select oid from pg_namespace where nspname = current_schema())
    order by 1, 2`.execute(db);
  const broken: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      for (const key of keys.rows) {
        await sql`savepoint fk_check`.execute(conn);
        try {
          await sql`alter table ${sql.raw(key.tbl)} drop constraint ${sql.ref(key.name)}`.execute(conn);
          await sql`alter table ${sql.raw(key.tbl)} add constraint ${sql.ref(key.name)} ${sql.raw(key.definition)}`.execute(
            conn,
          );
        } catch {
          broken.push(key.name);
        }
        await sql`rollback to savepoint fk_check`.execute(conn);
      }
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
  return broken;
}
