import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * `column in (ids)` with the whole list as ONE bound value, so the statement's text does not depend on how many
 * ids there are and can be precompiled (db/precompiled.ts) like any other: a JSON array read by `json_each` on
 * SQLite, a text array on PostgreSQL. Both still look each id up in the column's index. Pass the list through
 * {@link idListValue} for the database it runs on.
 */
export function inIdList(db: Kysely<Database>, column: string, list: unknown): RawBuilder<boolean> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<boolean>`${sql.ref(column)} = any(${list}::text[])`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${list}))`;
}

/** The bound value {@link inIdList} expects on this database. */
export function idListValue(db: Kysely<Database>, ids: readonly string[]): string | readonly string[] {
  return db.getExecutor().adapter instanceof PostgresAdapter ? ids : JSON.stringify(ids);
}
