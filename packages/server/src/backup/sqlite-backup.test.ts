import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/append.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { openDatabase, parseDatabaseUrl } from '../db/connect.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { runDbWorker } from '../testing/processes.ts';
import { BackupError, backupSqlite, restoreSqlite } from './sqlite-backup.ts';

function pathOf(database: TestDatabase): string {
  const location = parseDatabaseUrl(database.url);
  if (location.dialect !== 'sqlite') throw new Error('SQLite only');
  return location.path;
}

describe('SQLite backup and restore', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-backup-test-'));
    for (let i = 0; i < 200; i++)
      await recordAudit(database.db, { action: 'seed', outcome: 'success', details: { i } });
  });
  afterAll(async () => {
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a live database while another process and this one keep writing, and restores it', async () => {
    const writer = runDbWorker(database.url, 'append', '400', 'during-backup');
    let writing = true;
    const local = (async () => {
      let i = 0;
      while (writing) {
        await recordAudit(database.db, { action: 'local', outcome: 'success', details: { i: i++ } });
        // better-sqlite3 is synchronous: without a macrotask turn this loop would starve the timers.
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Let both writers get going before and during the copies.
    await new Promise((r) => setTimeout(r, 1500));
    const before = (await verifyAuditChain(database.db)).checked;
    const first = await backupSqlite(pathOf(database), join(dir, 'one.db'));
    const second = await backupSqlite(pathOf(database), join(dir, 'two.db'));
    writing = false;
    await local;
    await writer;
    const after = (await verifyAuditChain(database.db)).checked;

    expect(first.audit.ok).toBe(true);
    expect(first.audit.checked).toBeGreaterThanOrEqual(before);
    expect(second.audit.checked).toBeGreaterThanOrEqual(first.audit.checked);
    expect(second.audit.checked).toBeLessThanOrEqual(after);
    // Self-contained: one file, no WAL beside it.
    expect(existsSync(`${first.file}-wal`)).toBe(false);

    // Restore the first copy over a fresh location, then over the (now stopped) live database.
    const elsewhere = join(dir, 'restored', 'nestwerk.db');
    const fresh = await restoreSqlite(first.file, elsewhere);
    expect(fresh.previous).toBeNull();
    const reopened = await openDatabase(`file:${elsewhere}`);
    try {
      expect(await verifyAuditChain(reopened.db)).toMatchObject({ ok: true, checked: first.audit.checked });
    } finally {
      await reopened.close();
    }

    await database.close();
    const live = await restoreSqlite(first.file, pathOf(database));
    expect(live.previous).not.toBeNull();
    expect(existsSync(live.previous!)).toBe(true);
    const back = await openDatabase(database.url);
    try {
      expect((await verifyAuditChain(back.db)).checked).toBe(first.audit.checked);
      // Still a working database: it takes new writes and the chain goes on.
      await recordAudit(back.db, { action: 'after-restore', outcome: 'success' });
      expect(await verifyAuditChain(back.db)).toMatchObject({ ok: true, checked: first.audit.checked + 1 });
    } finally {
      await back.close();
    }
  }, 60_000);

  it('refuses to restore while the database is open elsewhere', async () => {
    const target = join(dir, 'busy', 'nestwerk.db');
    await restoreSqlite(join(dir, 'one.db'), target);
    const holder = await openDatabase(`file:${target}`);
    try {
      await holder.db.selectFrom('audit_log').select('seq').limit(1).execute();
      await expect(restoreSqlite(join(dir, 'two.db'), target)).rejects.toThrow(/in use/);
    } finally {
      await holder.close();
    }
    await expect(restoreSqlite(join(dir, 'two.db'), target)).resolves.toMatchObject({ restored: target });
  });

  it('refuses files that are not Nestwerk databases or whose audit chain is broken', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all');
    await expect(restoreSqlite(text, join(dir, 'x.db'))).rejects.toThrow(/not a SQLite database/);

    const other = join(dir, 'other.db');
    const plain = new SQLite(other);
    plain.exec('create table things (id integer primary key)');
    plain.close();
    await expect(restoreSqlite(other, join(dir, 'x.db'))).rejects.toThrow(/not a Nestwerk database/);

    const tampered = await createTestDatabase('sqlite');
    try {
      for (let i = 0; i < 5; i++) await recordAudit(tampered.db, { action: 'x', outcome: 'success' });
      await sql`drop trigger audit_log_no_update`.execute(tampered.db);
      await sql`update audit_log set action = 'y' where seq = 3`.execute(tampered.db);
      await expect(backupSqlite(pathOf(tampered), join(dir, 'tampered.db'))).rejects.toThrow(BackupError);
      expect(existsSync(join(dir, 'tampered.db'))).toBe(false);
    } finally {
      await tampered.dispose();
    }
    await expect(backupSqlite(pathOf(database), join(dir, 'one.db'))).rejects.toThrow(/already exists/);
  });
});
