import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/append.ts';
import { auditRowHash, GENESIS_HASH, type HashedAuditFields } from '../../audit/hash.ts';
import { verifyAuditChain } from '../../audit/verify.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../../testing/databases.ts';
import { migrateToLatest } from '../migrate.ts';
import { InCodeMigrationProvider } from './index.ts';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const database of open.splice(0)) await database.dispose();
});

/** A database as migration 0023 left it, with a chain of `n` rows written then. */
async function before0024(dialect: 'sqlite' | 'postgres', n: number): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect, { migrate: false });
  open.push(database);
  const provider = new InCodeMigrationProvider(dialect);
  const older = await new Migrator({ db: database.db, provider }).migrateTo(
    '0023_assessment_balance_summary',
  );
  expect(older.error).toBeUndefined();
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: HashedAuditFields = {
      id: `00000000-0000-7000-8000-00000000000${i}`,
      at: `2026-01-0${i}T10:00:00.000Z`,
      user_id: 'u1',
      user_role: 'nurse',
      organisation_id: 'o1',
      on_behalf_of: null,
      action: 'family.read',
      outcome: 'success',
      purpose: 'care',
      basis: 'care_relationship',
      basis_detail: null,
      client_ip: '192.0.2.1',
      family_id: `f${i}`,
      person_ids: null,
      details_json: JSON.stringify({ i }),
      prev_hash: prev,
    };
    prev = auditRowHash(fields);
    await database.db
      .insertInto('audit_log')
      .values({ ...fields, hash: prev })
      .execute();
  }
  return database;
}

const rowsOf = (database: TestDatabase) =>
  database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

describe.each(testDialects())('migration 0024: the chain height guards appends [%s]', (dialect) => {
  it('keeps every row, seq and hash; the chain verifies; new rows count on from the last seq', async () => {
    const database = await before0024(dialect, 3);
    const rows = await rowsOf(database);
    await migrateToLatest(database);

    const after = await rowsOf(database);
    expect(after).toEqual(rows.map((r) => ({ ...r, chain_height: null })));
    await recordAudit(database.db, { action: 'family.read', outcome: 'success' });
    await recordAudit(database.db, { action: 'family.read', outcome: 'success' });
    const appended = (await rowsOf(database)).slice(3);
    const lastSeq = Number(rows[2]?.seq);
    expect(appended.map((r) => Number(r.chain_height))).toEqual([lastSeq + 1, lastSeq + 2]);
    expect(await verifyAuditChain(database.db, { checkpointFile: null })).toMatchObject({
      ok: true,
      checked: 5,
    });
  });

  it('refuses a second row at the same height, and still refuses changes and removals', async () => {
    const database = await before0024(dialect, 2);
    await migrateToLatest(database);
    await recordAudit(database.db, { action: 'login', outcome: 'success' });
    const [head] = (await rowsOf(database)).slice(-1);
    if (!head) throw new Error('no head');
    // A second appender that read the same head: the height it computes is taken.
    const fork = {
      ...head,
      seq: undefined,
      id: '00000000-0000-7000-8000-0000000000ff',
      prev_hash: head.prev_hash,
      chain_height: Number(head.chain_height),
    };
    await expect(database.db.insertInto('audit_log').values(fork).execute()).rejects.toThrow(
      /unique|duplicate/i,
    );
    await expect(sql`update audit_log set action = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await rowsOf(database)).toHaveLength(3);
  });

  it('no longer indexes prev_hash, and indexes the height uniquely', async () => {
    const database = await before0024(dialect, 1);
    await migrateToLatest(database);
    const indexes =
      dialect === 'sqlite'
        ? (
            await sql<{ def: string }>`select coalesce(sql, name) as def from sqlite_master
              where type = 'index' and tbl_name = 'audit_log'`.execute(database.db)
          ).rows.map((r) => r.def)
        : (
            await sql<{
              def: string;
            }>`select indexdef as def from pg_indexes where tablename = 'audit_log'`.execute(database.db)
          ).rows.map((r) => r.def);
    const names = indexes.join('\n');
    expect(names).toMatch(/audit_log_chain_height_idx/);
    expect(names).toMatch(/audit_log_family_idx/);
    expect(names).toMatch(/audit_log_user_idx/);
    expect(names).toMatch(/audit_log_at_idx/);
    if (dialect === 'postgres') expect(names).not.toMatch(/prev_hash/);
    else {
      // SQLite names a column's UNIQUE index sqlite_autoindex_…: only `id` keeps one.
      const auto = indexes.filter((d) => d.startsWith('sqlite_autoindex_audit_log'));
      expect(auto).toHaveLength(1);
      const info = await sql<{ name: string }>`select name from pragma_index_info(${auto[0]})`.execute(
        database.db,
      );
      expect(info.rows.map((r) => r.name)).toEqual(['id']);
    }
  });
});

// SQLite only: PostgreSQL keeps its table (and its identity sequence) in place.
describe('migration 0024 rebuilds the SQLite table', () => {
  it('keeps the AUTOINCREMENT counter above a rolled-back append', async () => {
    const database = await before0024('sqlite', 2);
    // As after an append that was rolled back: the counter stands above the last row.
    await sql`update sqlite_sequence set seq = 40 where name = 'audit_log'`.execute(database.db);
    await migrateToLatest(database);
    await recordAudit(database.db, { action: 'login', outcome: 'success' });
    const [head] = (await rowsOf(database)).slice(-1);
    expect(Number(head?.seq)).toBe(41);
  });
});
