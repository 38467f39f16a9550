import type SQLite from 'better-sqlite3';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { sqliteHandleOf } from '../db/connect.ts';
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
  /** Inserts the tables' rows in the order given, in one transaction. */
  write(tables: TableRows): Promise<void>;
  finish(): Promise<void>;
}

/**
 * Fast inserts for loading generated data. On SQLite straight through better-sqlite3 (prepared multi-row
 * statements, reused; rows in key order so b-tree pages are filled in sequence; checkpoints every few
 * batches instead of every 4 MiB), holding Kysely's connection so nothing else interleaves. On PostgreSQL
 * one statement per table and batch (postgresWriter).
 */
export function bulkWriter(db: Kysely<Database>): BulkWriter {
  const sqlite = sqliteHandleOf(db);
  return sqlite ? sqliteWriter(db, sqlite) : postgresWriter(db);
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
 * On PostgreSQL a batch is one statement: each table's rows are one parameter, a JSON array that
 * `json_populate_recordset` turns into rows of the table's own type, inserted by a chain of data-modifying
 * CTEs (foreign keys are checked at the end of the statement, when every table's rows are in). No parameter
 * limit to chunk around, one round trip and one commit per batch, no planner pass per row; and while the
 * server works, the caller's thread is free to generate the next batch.
 */
function postgresWriter(db: Kysely<Database>): BulkWriter {
  return {
    async write(tables) {
      const inserts = tables.flatMap(([table, rows]) => {
        const first = rows[0];
        if (first === undefined) return [];
        const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
        return [
          sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`,
        ];
      });
      const last = inserts.pop();
      if (!last) return;
      const ctes = inserts.map((insert, i) => sql`${sql.raw(`t${i}`)} as (${insert})`);
      const statement = ctes.length > 0 ? sql`with ${sql.join(ctes)} ${last}` : last;
      await statement.execute(db);
    },
    async finish() {},
  };
}

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
