import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { disableAuditProtection } from '../testing/tamper.ts';
import { auditAnchorOf } from './anchor.ts';
import { recordAudit } from './append.ts';
import { readCheckpoints } from './checkpoints.ts';
import { auditRowHash, GENESIS_HASH, type HashedAuditFields, keyedAuditRowHash } from './hash.ts';
import { auditKeyId, loadAuditKeyRing } from './keys.ts';
import { verifyAuditChain } from './verify.ts';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const database of open.splice(0)) await database.dispose();
});

async function chain(dialect: 'sqlite' | 'postgres', n: number): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  open.push(database);
  for (let i = 0; i < n; i++)
    await recordAudit(database.db, { action: 'family.read', outcome: 'success', details: { i } });
  return database;
}

async function rowsOf(database: TestDatabase) {
  return database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

/** Rewrites rows from `fromSeq` on with fresh hashes, as an attacker with database rights could. */
async function rechain(
  database: TestDatabase,
  fromSeq: number,
  sign: (row: HashedAuditFields & { key_id: string | null }) => { hash: string; key_id: string | null },
  change: (seq: number) => Partial<HashedAuditFields> = () => ({}),
  toSeq = Number.MAX_SAFE_INTEGER,
): Promise<void> {
  const rows = await rowsOf(database);
  let prev = rows.filter((r) => Number(r.seq) < fromSeq).at(-1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((r) => Number(r.seq) >= fromSeq && Number(r.seq) <= toSeq)) {
    const fields = { ...row, ...change(Number(row.seq)), prev_hash: prev };
    const signed = sign(fields);
    await database.db
      .updateTable('audit_log')
      .set({ ...change(Number(row.seq)), prev_hash: prev, hash: signed.hash, key_id: signed.key_id } as never)
      .where('seq', '=', row.seq)
      .execute();
    prev = signed.hash;
  }
}

describe.each(testDialects())('anchored audit chain [%s]', (dialect) => {
  it('signs every new row with the key and names the key', async () => {
    const database = await chain(dialect, 3);
    const ring = auditAnchorOf(database.db)?.settings.keyRing;
    expect(ring).toBeTruthy();
    for (const row of await rowsOf(database)) {
      expect(row.key_id).toBe(ring?.current.id);
      expect(row.hash).not.toBe(auditRowHash(row));
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 3, legacy: 0 });
  });

  it('(a) a changed row: reported at its seq', async () => {
    const database = await chain(dialect, 20);
    await disableAuditProtection(database);
    await database.db
      .updateTable('audit_log')
      .set({ user_id: 'someone-else' })
      .where('seq', '=', 7)
      .execute();
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 6, firstBroken: { seq: 7 } });
    expect(result.firstBroken?.reason).toMatch(/altered/);
  });

  it('(b) a deleted middle row: reported at the row after the gap', async () => {
    const database = await chain(dialect, 20);
    await disableAuditProtection(database);
    await database.db.deleteFrom('audit_log').where('seq', '=', 12).execute();
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: 13 } });
    expect(result.firstBroken?.reason).toMatch(/prev_hash/);
  });

  it('(b) a deleted middle row re-linked with the key: the checkpoint still names it', async () => {
    const database = await chain(dialect, 20);
    expect((await verifyAuditChain(database.db)).ok).toBe(true); // checkpoint at seq 20
    await recordAudit(database.db, { action: 'family.read', outcome: 'success' });
    await disableAuditProtection(database);
    const ring = auditAnchorOf(database.db)?.settings.keyRing;
    if (!ring) throw new Error('no key ring');
    await database.db.deleteFrom('audit_log').where('seq', '=', 20).execute();
    await rechain(database, 21, (row) => {
      const keyed = { ...row, key_id: ring.current.id };
      return { hash: keyedAuditRowHash(keyed, ring.current.secret), key_id: ring.current.id };
    });
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: 20 } });
    expect(result.firstBroken?.reason).toMatch(/missing/);
  });

  it('(c) a deleted tail: the checkpoint outside the database is beyond the last row', async () => {
    const database = await chain(dialect, 20);
    const first = await verifyAuditChain(database.db);
    expect(first).toMatchObject({ ok: true, checked: 20 });
    const file = auditAnchorOf(database.db)?.settings.checkpointFile;
    expect(file && readCheckpoints(file).at(-1)?.seq).toBe(20);
    await disableAuditProtection(database);
    await database.db.deleteFrom('audit_log').where('seq', '>=', 18).execute();
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 17, firstBroken: { seq: 18 } });
    expect(result.firstBroken?.reason).toMatch(/removed from the end/);
  });

  it('(d) a chain recomputed with plain SHA-256 fails the HMAC at the first rewritten row', async () => {
    const database = await chain(dialect, 20);
    await disableAuditProtection(database);
    await rechain(
      database,
      7,
      (row) => ({ hash: auditRowHash(row), key_id: row.key_id }),
      (seq) => (seq === 7 ? { outcome: 'denied' } : {}),
    );
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 6, firstBroken: { seq: 7 } });
    expect(result.firstBroken?.reason).toMatch(/without the key/);
  });

  it('(d) a chain recomputed as unkeyed legacy rows is a downgrade, reported at the first one', async () => {
    const database = await chain(dialect, 20);
    await disableAuditProtection(database);
    await rechain(database, 7, (row) => ({ hash: auditRowHash(row), key_id: null }));
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: 7 } });
    expect(result.firstBroken?.reason).toMatch(/unkeyed row after keyed rows/);
  });

  it('(d) the whole chain recomputed as legacy rows: the checkpoint no longer matches', async () => {
    const database = await chain(dialect, 10);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await disableAuditProtection(database);
    await rechain(database, 1, (row) => ({ hash: auditRowHash(row), key_id: null }));
    const result = await verifyAuditChain(database.db);
    // At the earliest checkpoint: the one taken at the process's first append, or the one of the verify.
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBeLessThanOrEqual(10);
    expect(result.firstBroken?.reason).toMatch(/checkpoint/);
  });

  it('keeps rows from before the key verifiable: the first keyed row anchors them', async () => {
    const database = await createTestDatabase(dialect);
    open.push(database);
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 4; i++) {
      const fields: HashedAuditFields = {
        id: `00000000-0000-7000-8000-00000000000${i}`,
        at: `2025-01-0${i}T10:00:00.000Z`,
        user_id: 'legacy-user',
        user_role: 'nurse',
        organisation_id: null,
        on_behalf_of: null,
        action: 'family.read',
        outcome: 'success',
        purpose: null,
        basis: 'care_relationship',
        basis_detail: null,
        client_ip: '192.0.2.1',
        family_id: null,
        person_ids: null,
        details_json: JSON.stringify({ i }),
        prev_hash: prev,
      };
      const hash = auditRowHash(fields);
      await database.db
        .insertInto('audit_log')
        .values({ ...fields, hash })
        .execute();
      prev = hash;
    }
    await recordAudit(database.db, { action: 'family.read', outcome: 'success' });
    const rows = await rowsOf(database);
    expect(rows.map((r) => r.key_id === null)).toEqual([true, true, true, true, false]);
    expect(rows[4]?.prev_hash).toBe(prev);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5, legacy: 4 });

    // Rewriting a legacy row breaks the keyed row that anchors it, even if the attacker re-hashes the rest.
    await disableAuditProtection(database);
    await rechain(
      database,
      2,
      (row) => ({ hash: auditRowHash(row), key_id: null }),
      (seq) => (seq === 2 ? { user_id: 'someone-else' } : {}),
      4,
    );
    const result = await verifyAuditChain(database.db, { checkpointFile: null });
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
  });

  it('verifies rows signed with a retired key through the key ring', async () => {
    const database = await chain(dialect, 3);
    const ring = auditAnchorOf(database.db)?.settings.keyRing;
    if (!ring) throw new Error('no key ring');
    const fresh = { id: auditKeyId(Buffer.alloc(32, 7)), secret: Buffer.alloc(32, 7) };
    const onlyNew = { current: fresh, byId: new Map([[fresh.id, fresh]]) };
    expect(await verifyAuditChain(database.db, { keyRing: onlyNew, checkpointFile: null })).toMatchObject({
      ok: false,
      firstBroken: { seq: 1, reason: expect.stringMatching(/not in the key ring/) },
    });
    const both = { current: fresh, byId: new Map([...ring.byId, [fresh.id, fresh]]) };
    expect(await verifyAuditChain(database.db, { keyRing: both, checkpointFile: null })).toMatchObject({
      ok: true,
    });
  });

  it('writes a checkpoint every N appends and at close, without a query per append', async () => {
    const database = await createTestDatabase(dialect);
    open.push(database);
    const anchor = auditAnchorOf(database.db);
    if (!anchor?.settings.checkpointFile) throw new Error('no checkpoint file');
    const every = anchor.settings.checkpointEvery;
    for (let i = 0; i < every + 1; i++) await recordAudit(database.db, { action: 'x', outcome: 'success' });
    await new Promise((resolve) => setImmediate(resolve));
    await anchor.checkpoint();
    const file = anchor.settings.checkpointFile;
    expect(readCheckpoints(file).at(-1)?.seq).toBeGreaterThanOrEqual(every);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await sql`select 1`.execute(database.db);
  });
});

describe('audit key file', () => {
  it('is created on first open with mode 0600 in a 0700 folder, and reused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nestwerk-key-'));
    const saved = { key: process.env.NESTWERK_AUDIT_KEY, data: process.env.NESTWERK_DATA_DIR };
    delete process.env.NESTWERK_AUDIT_KEY;
    delete process.env.NESTWERK_DATA_DIR;
    try {
      const handle = await openDatabase(`file:${join(dir, 'nestwerk.db')}`);
      try {
        await migrateToLatest(handle);
        await recordAudit(handle.db, { action: 'x', outcome: 'success' });
      } finally {
        await handle.close();
      }
      const keyFile = join(dir, 'keys', 'audit.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
      const secret = readFileSync(keyFile, 'utf8');
      expect(secret.trim()).toMatch(/^[0-9a-f]{64}$/);
      // The checkpoint at close, outside the database.
      expect(existsSync(join(dir, 'audit-checkpoints'))).toBe(true);

      const again = await openDatabase(`file:${join(dir, 'nestwerk.db')}`);
      try {
        expect(readFileSync(keyFile, 'utf8')).toBe(secret);
        expect(await verifyAuditChain(again.db)).toMatchObject({ ok: true, checked: 1, checkpoints: 1 });
      } finally {
        await again.close();
      }
      // A key file others can read is refused rather than trusted.
      const { chmodSync } = await import('node:fs');
      chmodSync(keyFile, 0o644);
      expect(() => loadAuditKeyRing({ env: {}, keysDir: join(dir, 'keys'), create: false })).toThrow(
        /chmod 600/,
      );
    } finally {
      if (saved.key !== undefined) process.env.NESTWERK_AUDIT_KEY = saved.key;
      if (saved.data !== undefined) process.env.NESTWERK_DATA_DIR = saved.data;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
