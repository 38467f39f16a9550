import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { appendAudits } from '../../audit/index.ts';
import { backgroundFoldOf } from '../../audit/listed-fold-thread.ts';
import { sqliteHandleOf, walSyncOf } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { WalSync } from '../../db/wal-sync.ts';
import { auditEntry, type DomainAuditLine } from './audit-trail.ts';
import type { RequestContext } from './context.ts';

interface Pending {
  ctx: RequestContext;
  lines: readonly DomainAuditLine[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** A SQLite database in WAL mode, and the synchronous level its other transactions keep. */
interface SqliteCommit {
  handle: SQLite.Database;
  wal: WalSync;
  synchronous: string;
}

/** Enough to amortise a commit over every request in flight, small enough to keep one commit short. */
const MAX_BATCH = 64;

/**
 * Group commit for the audit rows of READS (family read, search, worklist, export, denials). A read changes
 * nothing, so its audit row need not share its transaction; what matters (NEN 7513) is that the row is
 * committed before any data leaves. Each caller therefore awaits the commit of the batch that holds its row,
 * and only then answers. Rows of concurrent requests share one transaction and one fsync instead of one
 * each. Writes keep their audit row inside their own transaction (see withFamily), so data and record commit
 * or vanish together.
 *
 * On SQLite the batch commits under `synchronous = NORMAL` and its WAL is then synced on the thread pool
 * (db/wal-sync.ts): the requests still wait until their rows are on disk, but the event loop does not: it serves
 * other requests meanwhile, whose rows form the next batch.
 */
class AuditBatcher {
  readonly #db: Kysely<Database>;
  readonly #sqlite: SqliteCommit | null;
  #queue: Pending[] = [];
  #draining = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    const handle = sqliteHandleOf(db);
    const wal = walSyncOf(db);
    this.#sqlite =
      handle && wal
        ? { handle, wal, synchronous: String(handle.pragma('synchronous', { simple: true })) }
        : null;
  }

  append(ctx: RequestContext, lines: readonly DomainAuditLine[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ctx, lines, resolve, reject });
      if (!this.#draining) {
        this.#draining = true;
        void this.#drain();
      }
    });
  }

  async #drain(): Promise<void> {
    // One turn of the event loop lets requests that are already past their reads join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        const entries = batch.flatMap((p) => p.lines.map((l) => auditEntry(p.ctx, l)));
        // One chained insert for the whole batch: a search that lists 200 families costs no extra round trips.
        if (this.#sqlite) {
          await this.#commitUnsynced(this.#sqlite, entries);
          // Requests that arrive meanwhile are served, and queue for the next batch: one sync per batch.
          await this.#sqlite.wal.durable();
        } else {
          await this.#db.transaction().execute((trx) => appendAudits(trx, entries));
        }
        for (const p of batch) p.resolve();
      } catch (err) {
        // No record, no data: every request of a failed batch fails (the error handler answers 500).
        for (const p of batch) p.reject(err);
      }
    }
    this.#draining = false;
  }

  /** The batch's transaction under NORMAL, holding the connection so no other transaction runs without FULL. */
  async #commitUnsynced(sqlite: SqliteCommit, entries: Parameters<typeof appendAudits>[1]): Promise<void> {
    // Taking turns with the listed-families fold's thread, before taking the connection: reads go on meanwhile.
    const fold = backgroundFoldOf(this.#db);
    await fold?.enterWrite();
    try {
      await this.#db.connection().execute(async (connection) => {
        sqlite.handle.pragma('synchronous = NORMAL');
        try {
          await connection.transaction().execute((trx) => appendAudits(trx, entries));
        } finally {
          sqlite.handle.pragma(`synchronous = ${sqlite.synchronous}`);
        }
      });
    } finally {
      fold?.exitWrite();
    }
  }
}

const batchers = new WeakMap<Kysely<Database>, AuditBatcher>();

/** Appends a read's audit row(s) and resolves once they are committed. */
export function auditRead(
  ctx: RequestContext,
  line: DomainAuditLine | readonly DomainAuditLine[],
): Promise<void> {
  let batcher = batchers.get(ctx.db);
  if (!batcher) {
    batcher = new AuditBatcher(ctx.db);
    batchers.set(ctx.db, batcher);
  }
  return batcher.append(ctx, Array.isArray(line) ? line : [line as DomainAuditLine]);
}
