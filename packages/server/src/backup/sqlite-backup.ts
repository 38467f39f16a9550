import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { checkpointFileFor, resolveAnchorSettings } from '../audit/anchor.ts';
import { appendCheckpoint } from '../audit/checkpoints.ts';
import type { AuditKeyRing } from '../audit/keys.ts';
import { type ChainVerification, verifyAuditChain } from '../audit/verify.ts';
import { migrations } from '../db/migrations/index.ts';
import { ensurePrivateDir, ensurePrivateFile } from '../db/private-files.ts';
import type { Database } from '../db/schema.ts';
import { NestwerkSqliteDialect } from '../db/sqlite-dialect.ts';

/** A refusal with a reason the operator can act on (not a crash). */
export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  audit: ChainVerification;
}

/**
 * Copies a live SQLite database with SQLite's online backup API: one consistent snapshot (all pages in one
 * step, under one read transaction, so concurrent writers are neither blocked nor half-included), written to
 * a temporary file, checked (integrity, Nestwerk schema, audit chain), made self-contained (no WAL) and only
 * then renamed into place.
 */
export async function backupSqlite(
  sourcePath: string,
  destination: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  const file = resolve(destination);
  if (!existsSync(sourcePath)) throw new BackupError(`There is no database at ${sourcePath}`);
  if (existsSync(file) && !options.overwrite)
    throw new BackupError(`${file} already exists; choose another file name (or pass --force to replace it)`);
  ensurePrivateDir(dirname(file));
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  // A backup holds everything the database does: owner-only from its first byte, whatever the umask.
  ensurePrivateFile(partial);

  const source = new SQLite(sourcePath, { fileMustExist: true, timeout: 10_000 });
  try {
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  try {
    const audit = await checkNestwerkFile(partial, { singleFile: true, keyRing: keyRingOf(sourcePath) });
    fsyncFile(partial);
    renameSync(partial, file);
    fsyncFile(dirname(file));
    return { file, bytes: statSync(file).size, audit };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

export interface RestoreResult {
  restored: string;
  /** The database that was replaced, kept beside it until the operator removes it. */
  previous: string | null;
  audit: ChainVerification;
}

/**
 * Replaces the database at `targetPath` with a backup, after checking the backup (integrity, a Nestwerk
 * schema this version knows, a valid audit chain). Refuses while any process has the database open: a
 * running server would go on writing to the replaced file. The swap is a rename, so the target is always
 * either the old or the new database; the old one is kept as `<name>.before-restore-<time>`.
 */
export async function restoreSqlite(backupPath: string, targetPath: string): Promise<RestoreResult> {
  const backup = resolve(backupPath);
  const target = resolve(targetPath);
  if (!existsSync(backup)) throw new BackupError(`There is no backup file at ${backup}`);
  if (!isSqliteFile(backup)) throw new BackupError(`${backup} is not a SQLite database`);
  ensurePrivateDir(dirname(target));
  const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  rmSync(staging, { force: true });
  ensurePrivateFile(staging);

  const source = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  try {
    const audit = await checkNestwerkFile(staging, { singleFile: true, keyRing: keyRingOf(target) });
    fsyncFile(staging);
    let previous: string | null = null;
    if (existsSync(target)) {
      releaseTarget(target);
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      linkSync(target, previous);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    fsyncFile(dirname(target));
    // Going back in time is the point of a restore: checkpoints of the replaced history stop binding here.
    if (audit.head)
      appendCheckpoint(
        checkpointFileFor({ dialect: 'sqlite', path: target }, process.env),
        { ...audit.head, at: new Date().toISOString() },
        'restore',
      );
    return { restored: target, previous, audit };
  } catch (err) {
    rmSync(staging, { force: true });
    throw err;
  }
}

/**
 * Leaving WAL mode needs the database to itself: it fails at once while another connection (a server, a
 * `nestwerk` command) has it open, and otherwise checkpoints and removes the WAL, so no stale WAL can be
 * replayed onto the restored file.
 */
function releaseTarget(target: string): void {
  const db = new SQLite(target, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new BackupError(
        `The database ${target} is in use (is a Nestwerk server running?). Stop every process that uses it, then restore.`,
      );
    throw err;
  } finally {
    db.close();
  }
}

/** The audit key ring of the data folder the database lives in (never creates a key). */
function keyRingOf(databasePath: string): AuditKeyRing | null {
  return resolveAnchorSettings({ dialect: 'sqlite', path: resolve(databasePath) }, { createKey: false })
    .keyRing;
}

/** Integrity, a schema made by (a version of) this code, and an unbroken audit chain. */
export async function checkNestwerkFile(
  path: string,
  options: { singleFile?: boolean; keyRing?: AuditKeyRing | null } = {},
): Promise<ChainVerification> {
  const sqlite = new SQLite(path, { fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new NestwerkSqliteDialect({ database: sqlite }) });
  try {
    if (options.singleFile) sqlite.pragma('journal_mode = DELETE');
    const integrity = sqlite.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${path} is damaged: ${String(integrity)}`);
    const tables = new Set(
      (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map(
        (r) => r.name,
      ),
    );
    if (!tables.has('kysely_migration') || !tables.has('audit_log'))
      throw new BackupError(`${path} is a SQLite database, but not a Nestwerk database`);
    const known = Object.keys(migrations('sqlite'));
    const applied = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows;
    const unknown = applied.map((r) => r.name).filter((n) => !known.includes(n));
    if (unknown.length > 0)
      throw new BackupError(
        `${path} was written by a newer Nestwerk (unknown migration ${unknown[0]}); restore it with that version`,
      );
    // The key comes from the data folder of the live database; checkpoints describe the live history, which
    // a backup is allowed to be behind.
    const audit = await verifyAuditChain(db, {
      keyRing: options.keyRing ?? null,
      checkpointFile: null,
      writeCheckpoint: false,
    });
    if (!audit.ok)
      throw new BackupError(
        `${path}: the audit log is broken at seq ${audit.firstBroken?.seq} (${audit.firstBroken?.reason}); refusing to use it`,
      );
    return audit;
  } finally {
    await db.destroy();
  }
}

function isSqliteFile(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

/** A rename is only durable once the directory entry is on disk too. */
function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
