import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * A fold's statements on SQLite, as text: the thread runs them on its own connection, and an append's fold on a
 * database without the thread (in memory) runs the same (listed-fold.ts). Parameters: insert (mark, top], set
 * the mark to top.
 */
export const SQLITE_FOLD = {
  mark: 'select chain_height from audit_listed_folded where id = 1',
  head: 'select max(chain_height) from audit_log',
  insert: `insert into audit_log_listed (family_id, chain_height)
    select j.value, a.chain_height from audit_log as a, json_each(a.details_json, '$.familyIds') as j
    where a.chain_height > ? and a.chain_height <= ?`,
  setMark: 'update audit_listed_folded set chain_height = ? where id = 1',
  /** The lists in (mark, top] and how many families each names, in chain order: where a chunk may end. */
  lists: `select chain_height, json_array_length(details_json, '$.familyIds') from audit_log
    where chain_height > ? and chain_height <= ? and json_type(details_json, '$.familyIds') = 'array'
    order by chain_height`,
} as const;

/** Entries one background transaction folds at most (but at least one list): a fold's worth, ≈ 15 ms of lock. */
export const FOLD_CHUNK_ENTRIES = 2_500;

interface ChunkReply {
  ok: boolean;
  mark?: number;
  entries?: number;
  done?: boolean;
  message?: string;
}

/**
 * The listed-families fold of a SQLite file database, run on a thread of its own (listed-fold-worker.mjs).
 *
 * Why: a fold writes ≈ 2 000 entries spread over one index leaf per family, and commits them: ≈ 14 ms of the
 * event loop's time once every ≈ 40 worklist pages, during which every request in the process waited. That was
 * a sixth of a worklist page's CPU, and most of its p95 (docs/performance-log.md, twenty-first session).
 *
 * SQLite has one writer at a time. The audit batches of reads, nearly all of this process's writes, take turns
 * with the thread: a batch enters through {@link enterWrite} and leaves through {@link exitWrite}; a chunk of
 * the fold starts only when no batch is being written, and a batch that comes while a chunk is wanted or
 * running waits for it (asynchronously: the event loop serves reads meanwhile). Without the turns it would meet
 * the thread's lock in SQLite's busy handler, which sleeps on the event loop. The fold is cut into chunks of
 * {@link FOLD_CHUNK_ENTRIES} entries, each its own transaction, so that wait is short: as short as the rare other
 * write of this process (a contact saved), or another process's, may meet in its busy timeout.
 */
export class BackgroundFold {
  readonly #path: string;
  readonly #busyTimeoutMs: number;
  #worker: Worker | null = null;
  /** Fold up to this chain height. */
  #target = 0;
  #wanted = false;
  #inFlight = false;
  #writers = 0;
  #waitingWriters: Array<() => void> = [];
  #idleWaiters: Array<() => void> = [];
  /** Closed, or the thread itself failed (it could not start, or it died): appends fold in their own transaction. */
  #stopped = false;
  /** The last chunk's failure, if the last fold stopped on one (the next request tries again). */
  lastError: string | null = null;

  private constructor(path: string, busyTimeoutMs: number) {
    this.#path = path;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  /** For a SQLite file database (a thread cannot share an in-memory one); null otherwise. */
  static of(sqlite: SQLite.Database, busyTimeoutMs: number): BackgroundFold | null {
    return sqlite.memory ? null : new BackgroundFold(sqlite.name, busyTimeoutMs);
  }

  /**
   * Asks for every listing row up to chain height `top` to be folded, after the caller's transaction ends. False
   * when this thread can no longer fold (closing, or broken): the caller folds in its own transaction instead.
   */
  request(top: number): boolean {
    if (this.#stopped) return false;
    this.#target = Math.max(this.#target, top);
    this.#wanted = true;
    this.#next();
    return true;
  }

  /**
   * Before the audit batch's transaction, and before it takes the connection (holding that while waiting would
   * hold up this process's reads too): waits while a chunk is wanted or running.
   */
  enterWrite(): Promise<void> | undefined {
    if (!this.#wanted && !this.#inFlight) {
      this.#writers++;
      return undefined;
    }
    return new Promise((resolve) => this.#waitingWriters.push(resolve));
  }

  /** After that transaction's commit or rollback. */
  exitWrite(): void {
    this.#writers--;
    this.#next();
  }

  /** Resolves when no fold is wanted or running (tests, shutdown). */
  idle(): Promise<void> {
    if (!this.#wanted && !this.#inFlight) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Finishes the fold under way (not one merely wanted) and stops the thread. */
  async close(): Promise<void> {
    this.#stopped = true;
    this.#wanted = false;
    this.#next();
    await this.idle();
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    }
  }

  #next(): void {
    if (this.#wanted && !this.#inFlight && this.#writers === 0) {
      this.#inFlight = true;
      this.#thread().postMessage({ top: this.#target, entries: FOLD_CHUNK_ENTRIES });
      return;
    }
    if (!this.#wanted && !this.#inFlight) this.#admitWriters();
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./listed-fold-worker.mjs', import.meta.url), {
      workerData: { path: this.#path, busyTimeoutMs: this.#busyTimeoutMs, statements: SQLITE_FOLD },
    });
    // The thread alone must not keep a process alive (a CLI command that appended lists, then ended).
    worker.unref();
    worker.on('message', (reply: ChunkReply) => this.#replied(reply));
    worker.on('error', (err: unknown) =>
      this.#lost(worker, err instanceof Error ? err.message : String(err)),
    );
    worker.on('exit', () => this.#lost(worker, 'the fold thread stopped'));
    this.#worker = worker;
    return worker;
  }

  /** The thread ended other than by close(): the fold stops as failed, and no thread is started again. */
  #lost(worker: Worker, message: string): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#stopped = true;
    this.#replied({ ok: false, message });
  }

  #replied(reply: ChunkReply): void {
    this.#inFlight = false;
    if (!reply.ok) {
      // The rows above the mark are still read directly by every family's log: nothing is missing, only slower.
      this.lastError = reply.message ?? 'the fold failed';
      this.#wanted = false;
    } else {
      this.lastError = null;
      if (reply.done) this.#wanted = false;
    }
    if (!this.#wanted) {
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
    // Writers that waited go first; the next chunk follows once they have all left.
    this.#admitWriters();
    this.#next();
  }

  #admitWriters(): void {
    const waiting = this.#waitingWriters.splice(0);
    this.#writers += waiting.length;
    for (const resolve of waiting) resolve();
  }
}

/** Per database (the adapter, which a handle shares with its transactions). */
const folds = new WeakMap<object, BackgroundFold>();

export function registerBackgroundFold(db: Kysely<Database>, fold: BackgroundFold): void {
  folds.set(db.getExecutor().adapter, fold);
}

export function backgroundFoldOf(db: Kysely<Database>): BackgroundFold | undefined {
  return folds.get(db.getExecutor().adapter);
}

/** Resolves once a background fold of `db`, if any, has caught up with what was asked of it. */
export async function listedFoldIdle(db: Kysely<Database>): Promise<void> {
  await backgroundFoldOf(db)?.idle();
}
