import { closeSync, fdatasync, open } from 'node:fs';
import { promisify } from 'node:util';
import type SQLite from 'better-sqlite3';

/**
 * Makes commits of a SQLite database in WAL mode durable off the event loop. better-sqlite3 runs a commit on
 * the calling thread, so under `synchronous = FULL` the WAL's fsync (0.3–0.5 ms on our VM) blocks every
 * request in the process. A transaction committed under `synchronous = NORMAL` has written its frames to the
 * WAL (they survive a crash of the process) but not synced them; {@link WalSync.durable} then syncs the WAL
 * file on libuv's thread pool and resolves once every commit made before the call is on disk — the same
 * guarantee FULL gives, given before anything is answered.
 *
 * One sync covers every commit made before it started (the WAL is one file, appended in commit order), so
 * commits that wait together share it, and the next commits go ahead while it runs.
 */
export class WalSync {
  readonly #walPath: string;
  #committed = 0;
  #synced = 0;
  #running: Promise<void> | null = null;
  /** The WAL, open for syncing from the first sync until close(). */
  #fd: number | null = null;

  private constructor(walPath: string) {
    this.#walPath = walPath;
  }

  /** For a file database in WAL mode; null otherwise (in memory, or another journal: commit with FULL). */
  static of(sqlite: SQLite.Database): WalSync | null {
    if (sqlite.memory) return null;
    const mode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
    return mode === 'wal' ? new WalSync(`${sqlite.name}-wal`) : null;
  }

  /** Call after a commit under NORMAL has returned; resolves when it is on disk, rejects if the sync failed. */
  async durable(): Promise<void> {
    const commit = ++this.#committed;
    while (this.#synced < commit) {
      this.#running ??= this.#sync().finally(() => {
        this.#running = null;
      });
      await this.#running;
    }
  }

  /** Closes the WAL's file descriptor (the database's close calls it); a later sync opens it again. */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  async #sync(): Promise<void> {
    // Every commit counted so far wrote its frames before this sync starts.
    const upTo = this.#committed;
    if (this.#fd === null) {
      try {
        this.#fd = await openFile(this.#walPath, 'r+');
      } catch (err) {
        // No WAL file: the last connection checkpointed and removed it, and a checkpoint syncs the database.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        this.#synced = Math.max(this.#synced, upTo);
        return;
      }
    }
    await syncData(this.#fd);
    this.#synced = Math.max(this.#synced, upTo);
  }
}

const openFile = promisify(open);
const syncData = promisify(fdatasync);
