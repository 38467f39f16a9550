import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs a request's reads: the access check and the work it allows (a family file, a worklist page).
 *
 * - SQLite: in a read-only transaction, one snapshot of everything read. It costs no round trip, and the
 *   precompiled reads inside it run on the connection directly (sqlite-direct.ts).
 * - PostgreSQL: on one pooled connection, without a transaction. The server's transactions run at READ
 *   COMMITTED, where every statement takes a snapshot of its own inside a transaction as well, so
 *   `start transaction read only` and `commit` bought no consistency, only two round trips of a read's five
 *   (measured: decisions.md, "… a read on PostgreSQL is not a transaction"). What must be consistent is one
 *   statement there: the family file is one SELECT (family-file-at-once.ts).
 */
export function readOnly<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return db.connection().execute(work);
  return db.transaction().setAccessMode('read only').execute(work);
}
