import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WalSync } from './wal-sync.ts';

const synced = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  return {
    ...actual,
    fdatasync: (...args: Parameters<typeof actual.fdatasync>) => {
      synced.count += 1;
      return actual.fdatasync(...args);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'nestwerk-wal-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function walDatabase(name: string): SQLite.Database {
  const sqlite = new SQLite(join(dir, name));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (v text)');
  return sqlite;
}

describe('WalSync', () => {
  it('is only for a file database in WAL mode', () => {
    expect(WalSync.of(new SQLite(':memory:'))).toBeNull();
    const rollback = new SQLite(join(dir, 'rollback.db'));
    expect(WalSync.of(rollback)).toBeNull();
    expect(WalSync.of(walDatabase('wal.db'))).toBeInstanceOf(WalSync);
  });

  it('syncs again for commits made while a sync runs, sharing that one sync among them', async () => {
    const sqlite = walDatabase('shared.db');
    const wal = WalSync.of(sqlite);
    if (!wal) throw new Error('expected WAL mode');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.prepare('insert into t values (?)').run('a');
    const before = synced.count;
    // The first commit starts a sync that covers it alone; the four counted while it runs are not covered by
    // it, and share the one sync that follows.
    await Promise.all(Array.from({ length: 5 }, () => wal.durable()));
    expect(synced.count - before).toBe(2);

    // Nothing running: the next commit gets its own sync.
    sqlite.prepare('insert into t values (?)').run('b');
    await wal.durable();
    expect(synced.count - before).toBe(3);
  });

  it('fails the waiting commits when the WAL cannot be synced', async () => {
    // A directory where the WAL should be: open(…, 'r+') fails with EISDIR.
    const name = join(dir, 'broken.db');
    mkdirSync(`${name}-wal`);
    const fake = { memory: false, name, pragma: () => 'wal' } as unknown as SQLite.Database;
    const wal = WalSync.of(fake);
    await expect(wal?.durable()).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('treats a removed WAL as synced: the checkpoint that removed it synced the database', async () => {
    const fake = {
      memory: false,
      name: join(dir, 'gone.db'),
      pragma: () => 'wal',
    } as unknown as SQLite.Database;
    await expect(WalSync.of(fake)?.durable()).resolves.toBeUndefined();
  });
});
