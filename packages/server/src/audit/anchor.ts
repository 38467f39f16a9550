import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseLocation } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { appendCheckpoint } from './checkpoints.ts';
import { type AuditKeyRing, loadAuditKeyRing } from './keys.ts';

/** Where a database's audit chain is anchored outside the database itself. */
export interface AuditAnchorSettings {
  /** Null: no key available (verification then fails on keyed rows; appending refuses). */
  keyRing: AuditKeyRing | null;
  /** Null: no checkpoints are written or checked. */
  checkpointFile: string | null;
  /** A checkpoint is written after (about) this many appends in this process. */
  checkpointEvery: number;
}

const DEFAULT_CHECKPOINT_EVERY = 100;

/**
 * NESTWERK_DATA_DIR, else the embedded database's folder, else ./data (PostgreSQL): the keys live in
 * `<dataDir>/keys` (0700), the checkpoints in `<dataDir>/audit-checkpoints` (0700), one file per database.
 */
export function dataDirFor(location: DatabaseLocation, env: NodeJS.ProcessEnv): string {
  const given = env.NESTWERK_DATA_DIR;
  if (given !== undefined && given !== '') return resolve(given);
  return location.dialect === 'sqlite' ? dirname(location.path) : resolve('data');
}

/**
 * Named after the database (and a digest of where it is, without credentials) so that several databases
 * sharing a data folder — test suites, a staging copy — never check each other's checkpoints.
 */
export function checkpointFileFor(location: DatabaseLocation, env: NodeJS.ProcessEnv): string {
  let name: string;
  let where: string;
  if (location.dialect === 'sqlite') {
    name = basename(location.path);
    where = location.path;
  } else {
    const url = new URL(location.url);
    name = `pg-${url.pathname.replace(/^\//, '') || 'postgres'}`;
    // `?host=/dir` (a Unix socket) overrides the URL's host name, for libpq and node-postgres alike.
    where = `${url.searchParams.get('host') ?? url.hostname}:${url.port}${url.pathname}`;
  }
  const digest = createHash('sha256').update(where).digest('hex').slice(0, 12);
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(dataDirFor(location, env), 'audit-checkpoints', `${safe}.${digest}.jsonl`);
}

export function resolveAnchorSettings(
  location: DatabaseLocation,
  options: { env?: NodeJS.ProcessEnv; createKey: boolean },
): AuditAnchorSettings {
  const env = options.env ?? process.env;
  const every = Number(env.NESTWERK_AUDIT_CHECKPOINT_EVERY ?? '');
  return {
    keyRing: loadAuditKeyRing({
      env,
      keysDir: join(dataDirFor(location, env), 'keys'),
      create: options.createKey,
    }),
    checkpointFile: checkpointFileFor(location, env),
    checkpointEvery: Number.isSafeInteger(every) && every > 0 ? every : DEFAULT_CHECKPOINT_EVERY,
  };
}

/** The anchor of one open database: its settings and the bookkeeping for periodic checkpoints. */
export class AuditAnchor {
  #sinceCheckpoint = 0;
  #lastWritten = 0;
  #anyAppended = false;
  /** Appended since the last checkpoint was started. */
  #dirty = false;
  #closed = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    readonly db: Kysely<Database>,
    readonly settings: AuditAnchorSettings,
  ) {}

  /**
   * Counts an append; every `checkpointEvery` appends, writes the committed head once the current turn of
   * the event loop is over. No extra round trip on the append itself: the head is read by the checkpoint,
   * at most once per N rows, and whatever is committed by then is as good a checkpoint as the row just added.
   */
  noteAppend(): void {
    this.#sinceCheckpoint += 1;
    this.#dirty = true;
    // The first append of a process checkpoints at once: right after the key is introduced that pins the
    // legacy rows, so nobody can later re-chain the whole log as unkeyed rows.
    const first = !this.#anyAppended;
    this.#anyAppended = true;
    if (!first && this.#sinceCheckpoint < this.settings.checkpointEvery) return;
    this.#sinceCheckpoint = 0;
    setImmediate(() => {
      if (!this.#closed) void this.checkpoint();
    });
  }

  /** Writes the committed head if it moved; never throws (a lost checkpoint must not fail a request). */
  checkpoint(): Promise<void> {
    const file = this.settings.checkpointFile;
    if (!file) return Promise.resolve();
    this.#dirty = false;
    this.#writing = this.#writing.then(async () => {
      try {
        const head = await this.db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!head || Number(head.seq) <= this.#lastWritten) return;
        appendCheckpoint(
          file,
          { seq: Number(head.seq), hash: head.hash, at: new Date().toISOString() },
          'checkpoint',
        );
        this.#lastWritten = Number(head.seq);
      } catch {
        // No audit table yet (an unmigrated database) or a full disk: the next checkpoint tries again.
      }
    });
    return this.#writing;
  }

  /** At shutdown: the final head, if anything was appended since the last checkpoint. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#writing;
    if (this.#dirty) await this.checkpoint();
  }
}

/**
 * Keyed by the dialect adapter: a transaction is a different Kysely instance but shares its database's
 * adapter, so appendAudit finds the anchor from the transaction it is given.
 */
const anchors = new WeakMap<object, AuditAnchor>();

export function attachAuditAnchor(db: Kysely<Database>, settings: AuditAnchorSettings): AuditAnchor {
  const anchor = new AuditAnchor(db, settings);
  anchors.set(db.getExecutor().adapter, anchor);
  return anchor;
}

export function auditAnchorOf(db: Kysely<Database> | Transaction<Database>): AuditAnchor | undefined {
  return anchors.get(db.getExecutor().adapter);
}
