import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct statement the app runs; the few ad-hoc ones (searches, reports) age out. */
export const STATEMENT_CACHE_SIZE = 500;

/** Statements that change the schema: after one, statements prepared before are let go (see below). */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * A better-sqlite3 connection for Kysely whose `prepare` compiles each SQL text once and keeps the statement,
 * least recently used first out: preparing was ≈ 10–20 % of a family read's CPU time, every query prepared
 * again. SQLite re-prepares a kept statement by itself when another connection (or process) changed the
 * schema; after a schema change on this connection the cache is emptied anyway, so a statement's column list
 * never outlives the schema it was compiled for. A statement still being iterated (a stream) is busy and
 * cannot run twice at once: then a fresh one is prepared and not kept.
 */
export class CachingSqliteDatabase implements SqliteDatabase {
  readonly #db: SQLite.Database;
  readonly #limit: number;
  readonly #statements = new Map<string, SQLite.Statement>();

  constructor(db: SQLite.Database, limit = STATEMENT_CACHE_SIZE) {
    this.#db = db;
    this.#limit = limit;
  }

  /** How many statements are kept (for tests). */
  get size(): number {
    return this.#statements.size;
  }

  prepare(sql: string): SqliteStatement {
    const kept = this.#statements.get(sql);
    if (kept !== undefined) {
      if (kept.busy) return this.#db.prepare(sql);
      // Map order is insertion order: moving the hit to the end makes the first entry the least recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, kept);
      return kept;
    }
    if (SCHEMA_CHANGE.test(sql)) {
      this.#statements.clear();
      return this.#db.prepare(sql);
    }
    const statement = this.#db.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.#limit) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}
