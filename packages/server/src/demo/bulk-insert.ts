import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { postgresPoolOf, sqliteHandleOf } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

type TableName = keyof Database;
export type TableRows = ReadonlyArray<readonly [TableName, ReadonlyArray<Record<string, unknown>>]>;

/** Bound parameters per statement, under SQLite's 32 766 and PostgreSQL's 65 535. */
const MAX_PARAMS = 30_000;
/**
 * Rows per prepared multi-row insert on SQLite: fewer calls into SQLite, still a small statement. Measured
 * (25 000 observations): 16, 64, 500 and 1 333 rows per statement cost the same within noise; SQLite's own
 * b-tree work is the cost, not the calls. Bounded by the parameters per statement for wide tables.
 */
const SQLITE_ROWS_PER_STATEMENT = 64;
const SQLITE_PARAMS_PER_STATEMENT = 8_000;

export interface BulkWriter {
  /** Batches the caller may have in flight at once. */
  readonly parallel: number;
  /** Inserts the tables' rows in the order given, in one transaction. */
  write(tables: TableRows): Promise<void>;
  finish(): Promise<void>;
}

/**
 * Fast inserts for loading generated data. On SQLite straight through better-sqlite3 (prepared multi-row
 * statements, reused; rows in key order so b-tree pages are filled in sequence; checkpoints every few
 * batches instead of every 4 MiB), holding Kysely's connection so nothing else interleaves. On PostgreSQL
 * COPY per table and batch (postgresWriter).
 */
export function bulkWriter(db: Kysely<Database>): BulkWriter {
  const sqlite = sqliteHandleOf(db);
  if (sqlite) return sqliteWriter(db, sqlite);
  const pool = postgresPoolOf(db);
  if (!pool)
    throw new Error('bulkWriter: the database is neither SQLite nor PostgreSQL opened by connect.ts');
  return postgresWriter(pool);
}

function sqliteWriter(db: Kysely<Database>, sqlite: SQLite.Database): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (table: string, columns: readonly string[], rows: number) => {
    const key = `${table}:${rows}:${columns.join(',')}`;
    let statement = statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`,
      );
      statements.set(key, statement);
    }
    return statement;
  };
  const autocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true });
  sqlite.pragma('wal_autocheckpoint = 0');
  let writes = 0;

  const insertTable = (table: TableName, rows: ReadonlyArray<Record<string, unknown>>) => {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    const sorted = inKeyOrder(table, rows);
    const perStatement = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_PARAMS_PER_STATEMENT / columns.length)),
    );
    const values: unknown[] = [];
    let i = 0;
    const many = prepare(table, columns, perStatement);
    for (; i + perStatement <= sorted.length; i += perStatement) {
      values.length = 0;
      for (let r = i; r < i + perStatement; r++) {
        const row = sorted[r]!;
        for (const c of columns) values.push(row[c]);
      }
      many.run(values);
    }
    const one = prepare(table, columns, 1);
    for (; i < sorted.length; i++) {
      const row = sorted[i]!;
      one.run(columns.map((c) => row[c]));
    }
  };

  return {
    parallel: 1,
    async write(tables) {
      await db.connection().execute(async () => {
        // Generated rows are consistent by construction (and tests run foreign_key_check on them); checking
        // every reference row by row would double the cost of the load. The pragma cannot change inside a
        // transaction, hence here, and back on before anyone else gets the connection.
        sqlite.pragma('foreign_keys = OFF');
        // NORMAL is still corruption-safe in WAL mode; a power cut could only lose the last batches of a
        // load that is rerun anyway. Everything else keeps FULL.
        sqlite.pragma('synchronous = NORMAL');
        try {
          sqlite
            .transaction(() => {
              for (const [table, rows] of tables) insertTable(table, rows);
            })
            .immediate();
        } finally {
          sqlite.pragma('synchronous = FULL');
          sqlite.pragma('foreign_keys = ON');
        }
        writes += 1;
        if (writes % 8 === 0) sqlite.pragma('wal_checkpoint(PASSIVE)');
      });
    },
    async finish() {
      await db.connection().execute(async () => {
        sqlite.pragma(`wal_autocheckpoint = ${Number(autocheckpoint) || 1000}`);
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      });
    },
  };
}

/**
 * The rows in primary-key order (ids are UUID v7 text, observations are keyed by contact, kind and code). Each
 * row's key is made once, not on every comparison: a batch has tens of thousands of observations.
 */
function inKeyOrder(
  table: TableName,
  rows: ReadonlyArray<Record<string, unknown>>,
): ReadonlyArray<Record<string, unknown>> {
  const key =
    table === 'observations'
      ? (r: Record<string, unknown>) => `${r.contact_id}|${r.kind}|${r.code}`
      : (r: Record<string, unknown>) => String(r.id);
  const keyed = rows.map((row) => ({ key: key(row), row }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/**
 * On PostgreSQL each table's rows of a batch go in by COPY (text format), all tables in one transaction on a
 * connection of the pool, two batches at a time: the server stores one on each core while the caller
 * generates the next. Measured (5 000 demo families on a 2-core machine, the families per second of the batch
 * loop): the single statement of `json_populate_recordset` CTEs that this replaced did 397/s; most of its time
 * went to parsing the rows' JSON, where the assessments' stored results sit escaped (260 µs a row). COPY, one
 * batch at a time: 557/s; two at a time: 689/s; and without the foreign-key triggers: 771/s.
 *
 * The foreign-key triggers are skipped (`session_replication_role = replica`, for the transaction only)
 * when the role may: a superuser, as the bench's and the tests' throwaway clusters are. The rows are
 * consistent by construction, as on SQLite, where the loader turns foreign keys off; the demo test re-checks
 * every foreign key after a load on both databases. Without that right the checks run, as usual.
 */
function postgresWriter(pool: pg.Pool): BulkWriter {
  let mayReplicate: Promise<boolean> | undefined;
  return {
    parallel: 2,
    async write(tables) {
      const client = await pool.connect();
      let broken = false;
      try {
        mayReplicate ??= client
          .query<{ on: boolean }>(`select current_setting('is_superuser') = 'on' as on`)
          .then((r) => r.rows[0]?.on === true);
        const replicate = await mayReplicate;
        await client.query('begin');
        if (replicate) await client.query('set local session_replication_role = replica');
        for (const [table, rows] of tables) {
          const first = rows[0];
          if (first === undefined) continue;
          const columns = Object.keys(first);
          const stream = client.query(
            copyFrom(`copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin`),
          );
          await pipeline(Readable.from(copyText(table, columns, rows)), stream);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async finish() {},
  };
}

/** Rows per chunk handed to the COPY stream: large enough to keep calls few, small enough to stream. */
const COPY_ROWS_PER_CHUNK = 500;

/** COPY's text format: tab between columns, \N for null, backslash escapes for \, tab, newline, return. */
function* copyText(
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Generator<string> {
  let chunk = '';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) chunk += '\t';
      chunk += copyValue(table, columns[c]!, row[columns[c]!]);
    }
    chunk += '\n';
    if ((r + 1) % COPY_ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(table: string, column: string, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return value.replace(COPY_SPECIAL, (ch) => COPY_ESCAPES[ch]!);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  throw new TypeError(`${table}.${column}: cannot copy a ${typeof value}`);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function insertChunked<T extends TableName>(
  trx: Transaction<Database>,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>> | ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot follow a table name that is a type parameter; callers typed the rows against it.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
