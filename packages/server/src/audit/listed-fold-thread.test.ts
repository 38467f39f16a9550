import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { appendAudits } from './append.ts';
import { FOLD_AFTER_ENTRIES, foldedHeight } from './listed-fold.ts';
import {
  BackgroundFold,
  backgroundFoldOf,
  FOLD_CHUNK_ENTRIES,
  listedFoldIdle,
} from './listed-fold-thread.ts';
import { verifyAuditChain } from './verify.ts';

/** The background fold exists for SQLite files only: PostgreSQL and in-memory databases fold in the append. */
describe('the listed-families fold on its own thread (SQLite file)', () => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await handle.dispose();
  });

  const families = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

  /** Appends lists (one audit row each) in one transaction, as the audit batch of a few worklist pages does. */
  function appendLists(lists: string[][]) {
    return handle.db.transaction().execute((trx) =>
      appendAudits(
        trx,
        lists.map((listedFamilyIds) => ({
          action: 'worklist.read',
          outcome: 'success' as const,
          userId: 'u1',
          listedFamilyIds,
        })),
      ),
    );
  }

  async function head(): Promise<number> {
    const row = await handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('chain_height').as('h'))
      .executeTakeFirstOrThrow();
    return Number(row.h ?? 0);
  }

  async function entries(): Promise<Array<{ family_id: string; chain_height: number }>> {
    const rows = await handle.db
      .selectFrom('audit_log_listed')
      .select(['family_id', 'chain_height'])
      .orderBy('chain_height')
      .orderBy('family_id')
      .execute();
    return rows.map((r) => ({ family_id: r.family_id, chain_height: Number(r.chain_height) }));
  }

  it('folds after the append that passes the mark, not inside it, and ends where the chain does', async () => {
    const fold = backgroundFoldOf(handle.db);
    expect(fold).toBeDefined();
    const pages = Array.from({ length: FOLD_AFTER_ENTRIES / 50 }, (_, p) => families(`fam-${p}`, 50));
    await appendLists(pages);
    // The append's transaction has committed without the fold: the entries come from the thread.
    const top = await head();
    await listedFoldIdle(handle.db);
    expect(fold?.lastError).toBeNull();
    expect(await foldedHeight(handle.db)).toBe(top);
    const written = await entries();
    expect(written).toHaveLength(FOLD_AFTER_ENTRIES);
    expect(written.filter((e) => e.family_id === 'fam-3-7')).toEqual([
      { family_id: 'fam-3-7', chain_height: 4 },
    ]);
    expect(await verifyAuditChain(handle.db, { checkpointFile: null })).toMatchObject({ ok: true });
  });

  it('folds a backlog larger than one chunk in several transactions, each list whole', async () => {
    // Lists of 1 000 families: a chunk takes whole lists, so three chunks of two lists and one of one.
    const lists = Array.from({ length: 7 }, (_, i) => families(`big-${i}`, 1_000));
    expect(FOLD_CHUNK_ENTRIES).toBeLessThan(3_000);
    await appendLists(lists);
    await listedFoldIdle(handle.db);
    expect(await foldedHeight(handle.db)).toBe(await head());
    const written = await entries();
    expect(written).toHaveLength(7_000);
    for (let height = 1; height <= 7; height++)
      expect(written.filter((e) => e.chain_height === height)).toHaveLength(1_000);
    expect(await verifyAuditChain(handle.db, { checkpointFile: null })).toMatchObject({ ok: true });
  });

  it('asked for by a transaction that rolled back, folds no further than the chain’s head', async () => {
    await appendLists([families('kept', 10)]);
    const kept = await head();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await appendAudits(trx, [
          {
            action: 'worklist.read',
            outcome: 'success',
            userId: 'u1',
            listedFamilyIds: families('gone', FOLD_AFTER_ENTRIES),
          },
        ]);
        throw new Error('the page failed after its audit row');
      }),
    ).rejects.toThrow('the page failed');
    await listedFoldIdle(handle.db);
    // The fold stopped at the head: the kept list is folded, nothing of the rolled-back one, no mark beyond.
    expect(await foldedHeight(handle.db)).toBe(kept);
    expect((await entries()).map((e) => e.family_id)).toEqual(families('kept', 10).sort());
    // The height the rolled-back row had is used again, and folded with the next fold.
    await appendLists([families('next', FOLD_AFTER_ENTRIES)]);
    await listedFoldIdle(handle.db);
    expect(await foldedHeight(handle.db)).toBe(kept + 1);
    expect((await entries()).filter((e) => e.chain_height === kept + 1)).toHaveLength(FOLD_AFTER_ENTRIES);
    expect(await verifyAuditChain(handle.db, { checkpointFile: null })).toMatchObject({ ok: true });
  });

  it('lets a writer in only between chunks, and lets the next chunk start only when writers have left', async () => {
    const fold = backgroundFoldOf(handle.db);
    if (!fold) throw new Error('no background fold on a SQLite file');
    // A writer inside: the fold asked for now waits for it.
    expect(fold.enterWrite()).toBeUndefined();
    await handle.db.transaction().execute((trx) =>
      appendAudits(trx, [
        {
          action: 'worklist.read',
          outcome: 'success',
          userId: 'u1',
          listedFamilyIds: families('w', FOLD_AFTER_ENTRIES),
        },
      ]),
    );
    let idle = false;
    const settled = fold.idle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    expect(await foldedHeight(handle.db)).toBe(0);
    // A second writer coming while the fold is wanted waits for it.
    let entered = false;
    const second = fold.enterWrite()?.then(() => {
      entered = true;
    });
    expect(second).toBeDefined();
    fold.exitWrite();
    await settled;
    expect(await foldedHeight(handle.db)).toBe(await head());
    await second;
    expect(entered).toBe(true);
    fold.exitWrite();
  });

  it('finishes the fold under way before the database closes', async () => {
    const fold = backgroundFoldOf(handle.db);
    await appendLists([families('before-close', FOLD_AFTER_ENTRIES)]);
    await handle.close();
    // Closed, it folds no more: an append would fold in its own transaction.
    expect(fold?.request(5)).toBe(false);
    // The thread finished before the handle closed: reopened, the index is whole.
    const reopened = await createReopened(handle.url);
    try {
      expect(await foldedHeight(reopened.db)).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});

describe('a background fold that fails', () => {
  it('reports the failure, releases whoever waited, and tries again at the next request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nestwerk-fold-'));
    // A SQLite file without the audit tables: every chunk fails on them.
    const sqlite = new SQLite(join(dir, 'empty.db'));
    sqlite.pragma('journal_mode = WAL');
    const fold = BackgroundFold.of(sqlite, 100);
    try {
      if (!fold) throw new Error('no background fold on a SQLite file');
      expect(fold.request(10)).toBe(true);
      const writer = fold.enterWrite();
      expect(writer).toBeDefined();
      await fold.idle();
      expect(fold.lastError).toMatch(/no such table/);
      await writer;
      fold.exitWrite();
      expect(fold.request(20)).toBe(true);
      await fold.idle();
      expect(fold.lastError).toMatch(/no such table/);
    } finally {
      await fold?.close();
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function createReopened(url: string) {
  return openDatabase(url);
}
