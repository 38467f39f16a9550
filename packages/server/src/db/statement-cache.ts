import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { type RowFromValues, rowShape } from './row-shape.ts';

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
  readonly #statements = new Map<string, KeptStatement>();

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
      if (kept.statement.busy) return this.#db.prepare(sql);
      // Map order is insertion order: moving the hit to the end makes the first entry the least recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, kept);
      return kept;
    }
    if (SCHEMA_CHANGE.test(sql)) {
      this.#statements.clear();
      return this.#db.prepare(sql);
    }
    const statement = new KeptStatement(this.#db.prepare(sql));
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

/**
 * A kept statement. One that returns rows runs in raw mode, and its rows are made from the values by a
 * compiled row shape (row-shape.ts): the same objects as better-sqlite3's, made faster.
 */
class KeptStatement implements SqliteStatement {
  readonly statement: SQLite.Statement;
  #shape: RowFromValues = rowShape([]);
  #width = -1;

  constructor(statement: SQLite.Statement) {
    this.statement = statement;
    if (statement.reader) {
      statement.raw(true);
      this.#reshape();
    }
  }

  get reader(): boolean {
    return this.statement.reader;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    if (!this.statement.reader) return this.statement.all(parameters as unknown[]);
    const rows = this.statement.all(parameters as unknown[]) as unknown[];
    for (let i = 0; i < rows.length; i++) rows[i] = this.#row(rows[i] as unknown[]);
    return rows;
  }

  run(parameters: ReadonlyArray<unknown>): SQLite.RunResult {
    return this.statement.run(parameters as unknown[]);
  }

  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    for (const values of this.statement.iterate(parameters as unknown[]))
      yield this.statement.reader ? this.#row(values as unknown[]) : values;
  }

  #row(values: unknown[]): Record<string, unknown> {
    // Another connection's migration makes SQLite recompile the statement, perhaps with more columns.
    if (values.length !== this.#width) this.#reshape();
    return this.#shape(values);
  }

  #reshape(): void {
    const names = this.statement.columns().map((c) => c.name);
    this.#shape = rowShape(names);
    this.#width = names.length;
  }
}
