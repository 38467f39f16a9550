import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { createTestDatabase, forEachDatabase, testDialects } from '../testing/databases.ts';
import { runDbWorker } from '../testing/processes.ts';
import { disableAuditProtection } from '../testing/tamper.ts';
import { appendAudit, recordAudit } from './append.ts';
import { GENESIS_HASH } from './hash.ts';
import { searchAudit } from './search.ts';
import { verifyAuditChain } from './verify.ts';

forEachDatabase('audit log', (current, dialect) => {
  it('chains every appended row to the one before and verifies', async () => {
    const { db } = current();
    for (let i = 0; i < 30; i++) {
      await recordAudit(db, {
        action: 'family.read',
        outcome: 'success',
        userId: `user-${i % 3}`,
        familyId: `family-${i % 5}`,
        personIds: ['p1', 'p2'],
        details: { i, text: 'ë — unicode' },
        basis: 'care_relationship',
        clientIp: '192.0.2.1',
      });
    }
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows).toHaveLength(30);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(typeof rows[0]?.seq).toBe('number');
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({
      ok: true,
      checked: 30,
      head: { seq: rows[29]?.seq, hash: rows[29]?.hash },
    });
    expect(result.firstBroken).toBeUndefined();
  });

  it('rolls the audit row back with the change it describes', async () => {
    const { db } = current();
    const before = await verifyAuditChain(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { action: 'contact.write', outcome: 'success' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await verifyAuditChain(db);
    expect(after).toEqual(before);
  });

  it('refuses to append outside a transaction', async () => {
    const { db } = current();
    await expect(appendAudit(db as never, { action: 'x', outcome: 'success' })).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('rejects UPDATE and DELETE in the database itself', async () => {
    const { db } = current();
    await expect(db.updateTable('audit_log').set({ action: 'nothing.happened' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres')
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps the chain valid under many concurrent transactions', async () => {
    const { db } = current();
    const before = (await verifyAuditChain(db)).checked;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx.selectFrom('audit_log').select('seq').limit(1).execute();
          await appendAudit(trx, { action: 'family.read', outcome: 'success', details: { i } });
        }),
      ),
    );
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, checked: before + 60 });
  });

  it('searches by family, user and period, newest first, with a total for paging', async () => {
    const { db } = current();
    for (const [i, at] of [
      '2024-03-01T10:00:00.000Z',
      '2024-03-02T23:59:59.000Z',
      '2024-03-03T00:00:00.000Z',
    ].entries())
      await recordAudit(db, {
        action: 'family.read',
        outcome: 'success',
        at,
        userId: 'searcher',
        familyId: `sf-${i % 2}`,
      });
    const all = await searchAudit(db, { userId: 'searcher', offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.items.map((r) => r.at)).toEqual([
      '2024-03-03T00:00:00.000Z',
      '2024-03-02T23:59:59.000Z',
      '2024-03-01T10:00:00.000Z',
    ]);
    expect((await searchAudit(db, { familyId: 'sf-0', offset: 0, limit: 10 })).total).toBe(2);
    const day = await searchAudit(db, {
      userId: 'searcher',
      from: '2024-03-02',
      to: '2024-03-02',
      offset: 0,
      limit: 10,
    });
    expect(day.items.map((r) => r.at)).toEqual(['2024-03-02T23:59:59.000Z']);
    const page = await searchAudit(db, { userId: 'searcher', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ at: '2024-03-02T23:59:59.000Z' }] });
  });
});

describe.each(testDialects())('audit tampering [%s]', (dialect) => {
  async function withChain(n: number) {
    const database = await createTestDatabase(dialect);
    for (let i = 0; i < n; i++)
      await recordAudit(database.db, { action: 'family.read', outcome: 'success', details: { i } });
    // Only an attacker with the database's owner rights gets this far: the triggers must go first.
    await disableAuditProtection(database);
    return database;
  }

  it('detects an altered row at its seq', async () => {
    const database = await withChain(20);
    try {
      await database.db
        .updateTable('audit_log')
        .set({ user_id: 'someone-else' })
        .where('seq', '=', 7)
        .execute();
      const result = await verifyAuditChain(database.db);
      expect(result).toMatchObject({ ok: false, checked: 6, firstBroken: { seq: 7 } });
      expect(result.firstBroken?.reason).toMatch(/altered/);
    } finally {
      await database.dispose();
    }
  });

  it('detects an altered row whose hash was recomputed without the key, at that row', async () => {
    const database = await withChain(20);
    try {
      const row = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 9)
        .executeTakeFirstOrThrow();
      const { auditRowHash } = await import('./hash.ts');
      const forged = { ...row, outcome: 'denied' as const };
      await database.db
        .updateTable('audit_log')
        .set({ outcome: 'denied', hash: auditRowHash(forged) } as never)
        .where('seq', '=', 9)
        .execute();
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBroken: { seq: 9 } });
    } finally {
      await database.dispose();
    }
  });

  it('detects a removed row', async () => {
    const database = await withChain(20);
    try {
      await database.db.deleteFrom('audit_log').where('seq', '=', 12).execute();
      const result = await verifyAuditChain(database.db);
      expect(result).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: 13 } });
      expect(result.firstBroken?.reason).toMatch(/prev_hash/);
    } finally {
      await database.dispose();
    }
  });

  it('detects removal of the first rows', async () => {
    const database = await withChain(5);
    try {
      await database.db.deleteFrom('audit_log').where('seq', '<=', 2).execute();
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        checked: 0,
        firstBroken: { seq: 3 },
      });
    } finally {
      await database.dispose();
    }
  });
});

describe.each(testDialects())('audit appenders in several processes and pools [%s]', (dialect) => {
  it('keep one valid chain', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const second = await openDatabase(database.url);
      try {
        await Promise.all([
          runDbWorker(database.url, 'append', '40', 'a'),
          runDbWorker(database.url, 'append', '40', 'b'),
          // A second pool in this process as well (on SQLite a second connection would block this thread's
          // event loop while it waits for the lock, so there the other processes are the concurrency).
          ...(dialect === 'postgres'
            ? Array.from({ length: 40 }, (_, i) =>
                second.db
                  .transaction()
                  .execute((trx) =>
                    appendAudit(trx, { action: 'pool2', outcome: 'success', details: { i } }),
                  ),
              )
            : []),
          ...Array.from({ length: 40 }, (_, i) =>
            recordAudit(database.db, { action: 'pool1', outcome: 'success', details: { i } }),
          ),
        ]);
      } finally {
        await second.close();
      }
      const expected = dialect === 'postgres' ? 160 : 120;
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: expected });
    } finally {
      await database.dispose();
    }
  }, 60_000);
});

describe.runIf(testDialects().includes('postgres'))('audit on PostgreSQL', () => {
  it('refuses to append under repeatable read, where the snapshot would miss the latest row', async () => {
    const database = await createTestDatabase('postgres');
    try {
      await expect(
        database.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute((trx) => appendAudit(trx, { action: 'x', outcome: 'success' })),
      ).rejects.toThrow(/READ COMMITTED/);
    } finally {
      await database.dispose();
    }
  });
});
