import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { attachAuditAnchor, resolveAnchorSettings } from '../audit/anchor.ts';
import { BackgroundFold, registerBackgroundFold } from '../audit/listed-fold-thread.ts';
import { preparingPool } from './pg-prepared.ts';
import { ensurePrivateDir, ensurePrivateFile, restrictIfPresent } from './private-files.ts';
import type { Database } from './schema.ts';
import { NestwerkSqliteDialect } from './sqlite-dialect.ts';
import { registerDirectReads } from './sqlite-direct.ts';
import { CachingSqliteDatabase } from './statement-cache.ts';
import { WalSync } from './wal-sync.ts';
import { WellFormedTextDialect } from './well-formed-text.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The URL it was opened with (a SQLite path is made absolute). */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'file:./data/nestwerk.db';

export type DatabaseLocation = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** A malformed database URL: the caller's mistake, reported with the value's name, not a crash. */
export class DatabaseUrlError extends Error {}

/** `file:<path>` (relative to the working directory, or `file:///abs/path`) or `postgres(ql)://…`. */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('file:')) {
    let path = url.slice('file:'.length);
    if (path.startsWith('//')) {
      if (!path.startsWith('///'))
        throw new DatabaseUrlError(`Database URL "${url}": use file:///absolute/path or file:relative/path`);
      path = path.slice(2);
    }
    if (path === '' || path.includes('?'))
      throw new DatabaseUrlError(`Database URL "${url}": expected a file path after "file:"`);
    return { dialect: 'sqlite', path: resolve(path) };
  }
  throw new DatabaseUrlError(`Database URL "${url}" must start with file: or postgres://`);
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.NESTWERK_DATABASE_URL;
  return value === undefined || value === '' ? DEFAULT_DATABASE_URL : value;
}

/**
 * Opens the database and anchors its audit chain: the HMAC key (NESTWERK_AUDIT_KEY, or `<dataDir>/keys/audit.key`,
 * created on first open) and the checkpoint file outside the database. Closing writes a final checkpoint.
 */
export async function openDatabase(url: string = databaseUrlFromEnv()): Promise<Db> {
  const location = parseDatabaseUrl(url);
  const settings = resolveAnchorSettings(location, { createKey: true });
  const handle = location.dialect === 'sqlite' ? openSqlite(location.path) : openPostgres(location.url);
  const anchor = attachAuditAnchor(handle.db, settings);
  return {
    ...handle,
    async close() {
      await anchor.close();
      await handle.close();
    },
  };
}

/** Waiting this long for another process's write lock is better than failing a request. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function openSqliteFile(path: string): SQLite.Database {
  ensurePrivateDir(dirname(path));
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the mode of the database file.
  ensurePrivateFile(path);
  const sqlite = new SQLite(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  sqlite.pragma('journal_mode = WAL');
  // And explicitly, for files an older version (or another tool) left with a wider mode.
  for (const suffix of ['-wal', '-shm']) restrictIfPresent(`${path}${suffix}`);
  // FULL, not WAL's usual NORMAL: an acknowledged write (and its audit row) must survive a power cut too.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // 64 MiB of page cache instead of 2: index pages of a regional database stay in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return sqlite;
}

/**
 * The better-sqlite3 connection behind a Kysely instance, for bulk work where building one statement per row
 * through Kysely costs more than the insert itself (the demo loader). Use it only while holding Kysely's
 * connection (`db.connection().execute(...)`), and never for anything that must be audited.
 */
const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

const walSyncs = new WeakMap<Kysely<Database>, WalSync>();

/** Syncs the WAL of a SQLite file database off the event loop (db/wal-sync.ts); undefined otherwise. */
export function walSyncOf(db: Kysely<Database>): WalSync | undefined {
  return walSyncs.get(db);
}

function openSqlite(path: string): Db {
  const sqlite = openSqliteFile(path);
  const statements = new CachingSqliteDatabase(sqlite);
  const fold = BackgroundFold.of(sqlite, SQLITE_BUSY_TIMEOUT_MS);
  const db = new Kysely<Database>({
    dialect: new WellFormedTextDialect(new NestwerkSqliteDialect({ database: statements })),
  });
  if (fold) registerBackgroundFold(db, fold);
  sqliteHandles.set(db, sqlite);
  registerDirectReads(db, sqlite, statements);
  const wal = WalSync.of(sqlite);
  if (wal) walSyncs.set(db, wal);
  return {
    db,
    dialect: 'sqlite',
    url: `file:${path}`,
    close: async () => {
      await fold?.close();
      await db.destroy();
      wal?.close();
    },
  };
}

/**
 * Counts and the audit sequence are bigint; as strings they would leak the dialect into every caller.
 * Values stay far below 2^53 (a billion audit rows is decades of a large region).
 */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const postgresPools = new WeakMap<Kysely<Database>, pg.Pool>();

/**
 * The pg pool behind a Kysely instance, for COPY (the demo loader), which Kysely cannot express. Never for
 * anything that must be audited.
 */
export function postgresPoolOf(db: Kysely<Database>): pg.Pool | undefined {
  return postgresPools.get(db);
}

function openPostgres(url: string): Db {
  const size = Number(process.env.NESTWERK_DATABASE_POOL_SIZE ?? '') || 10;
  const pool = new pg.Pool({ connectionString: url, max: size, types });
  // An idle connection the server dropped (restart, failover): pg discards it and the next query opens a new
  // one. Without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new WellFormedTextDialect(new PostgresDialect({ pool: preparingPool(pool) })),
  });
  postgresPools.set(db, pool);
  return { db, dialect: 'postgres', url, close: () => db.destroy() };
}
