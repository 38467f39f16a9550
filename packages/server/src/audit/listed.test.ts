import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { auditRowsOfFamily } from '../repositories/family-audit-rows.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { disableAuditProtection } from '../testing/tamper.ts';
import { appendAudits, recordAudit } from './append.ts';
import { searchAudit } from './search.ts';
import { verifyAuditChain } from './verify.ts';

const FAMILIES = ['fam-a', 'fam-b', 'fam-c'];

/** The audit rows one family's log shows, oldest first. */
function rowsOf(db: Parameters<typeof auditRowsOfFamily>[0], familyId: string) {
  return db.selectFrom(auditRowsOfFamily(db, familyId).as('a')).selectAll().orderBy('a.seq').execute();
}

forEachDatabase('listed families (migration 0025)', (current, dialect) => {
  it('records a list as one hashed row naming its families, found in each family’s log as a listing', async () => {
    const { db } = current();
    await db.transaction().execute((trx) =>
      appendAudits(trx, [
        { action: 'family.read', outcome: 'success', familyId: 'fam-a', userId: 'u1' },
        {
          action: 'worklist.read',
          outcome: 'success',
          userId: 'u1',
          purpose: 'care',
          basis: 'care_relationship',
          details: { query: 'Vlinderbos', total: 2 },
          listedFamilyIds: ['fam-a', 'fam-b'],
        },
      ]),
    );
    const list = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'worklist.read')
      .executeTakeFirstOrThrow();
    expect(list.family_id).toBeNull();
    expect(JSON.parse(list.details_json ?? '{}')).toEqual({
      query: 'Vlinderbos',
      total: 2,
      familyIds: ['fam-a', 'fam-b'],
    });
    expect(await db.selectFrom('audit_log').select('seq').execute()).toHaveLength(2);

    const a = await rowsOf(db, 'fam-a');
    expect(a.map((r) => r.action)).toEqual(['family.read', 'worklist.read.listed']);
    expect(a[1]).toMatchObject({
      seq: list.seq,
      hash: list.hash,
      user_id: 'u1',
      basis: 'care_relationship',
      family_id: 'fam-a',
      person_ids: null,
    });
    // Seen from a family: which list, not its search term nor the other families.
    expect(JSON.parse(a[1]?.details_json ?? '{}')).toEqual({ via: 'worklist.read' });
    expect((await rowsOf(db, 'fam-b')).map((r) => r.action)).toEqual(['worklist.read.listed']);
    expect(await rowsOf(db, 'fam-c')).toEqual([]);

    const searched = await searchAudit(db, { familyId: 'fam-b', offset: 0, limit: 10 });
    expect(searched.total).toBe(1);
    expect(searched.items[0]).toMatchObject({ action: 'worklist.read.listed', family_id: 'fam-b' });
    expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({
      ok: true,
      checked: 2,
      listed: 2,
    });
  });

  it('writes the index with the row, or neither', async () => {
    const { db } = current();
    const before = await db.selectFrom('audit_log_listed').selectAll().execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudits(trx, [
          { action: 'family.search', outcome: 'success', listedFamilyIds: ['fam-c'] },
        ]);
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
    expect(await db.selectFrom('audit_log_listed').selectAll().execute()).toEqual(before);
    expect(await rowsOf(db, 'fam-c')).toEqual([]);
  });

  it('still finds the per-family rows lists wrote before 0025', async () => {
    const { db } = current();
    await recordAudit(db, {
      action: 'family.search.listed',
      outcome: 'success',
      familyId: 'fam-c',
      details: { via: 'family.search' },
    });
    const c = await rowsOf(db, 'fam-c');
    expect(c.map((r) => [r.action, r.family_id, JSON.parse(r.details_json ?? '{}')])).toEqual([
      ['family.search.listed', 'fam-c', { via: 'family.search' }],
    ]);
  });

  it('finds the entries by height for verification through their own index', async () => {
    const { db } = current();
    const plan =
      dialect === 'sqlite'
        ? (
            await sql<{
              detail: string;
            }>`explain query plan select family_id, chain_height from audit_log_listed
              where chain_height >= ${1} and chain_height <= ${5000}`.execute(db)
          ).rows.map((r) => r.detail)
        : (
            await sql<{ indexname: string }>`select indexname from pg_indexes
              where tablename = 'audit_log_listed' and indexdef like '%(chain_height)'`.execute(db)
          ).rows.map((r) => r.indexname);
    expect(plan.join(' ')).toContain('audit_log_listed_height_idx');
  });

  it('is append-only', async () => {
    const { db } = current();
    await expect(sql`update audit_log_listed set family_id = 'fam-z'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log_listed`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log_listed').selectAll().execute()).toHaveLength(2);
  });

  it('fails verification when the index is changed behind the triggers’ back', async () => {
    const handle = current();
    const { db } = handle;
    await db
      .transaction()
      .execute((trx) =>
        appendAudits(trx, [{ action: 'team.overview', outcome: 'success', listedFamilyIds: FAMILIES }]),
      );
    expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({ ok: true, listed: 5 });
    const list = await db
      .selectFrom('audit_log')
      .select(['seq', 'chain_height'])
      .where('action', '=', 'team.overview')
      .executeTakeFirstOrThrow();
    const height = Number(list.chain_height);
    await disableAuditProtection(handle);

    // A family removed from a listing: its log would hide that it was shown.
    await db
      .deleteFrom('audit_log_listed')
      .where('family_id', '=', 'fam-b')
      .where('chain_height', '=', height)
      .execute();
    const removed = await verifyAuditChain(db, { checkpointFile: null });
    expect(removed.ok).toBe(false);
    expect(removed.firstBroken).toMatchObject({ seq: Number(list.seq) });
    expect(removed.firstBroken?.reason).toMatch(/does not match the families this row names/);
    await db.insertInto('audit_log_listed').values({ family_id: 'fam-b', chain_height: height }).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).ok).toBe(true);

    // A family added to a listing it was not in.
    await db.insertInto('audit_log_listed').values({ family_id: 'fam-z', chain_height: height }).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken?.reason).toMatch(
      /does not match the families this row names/,
    );
    await db.deleteFrom('audit_log_listed').where('family_id', '=', 'fam-z').execute();

    // An entry that points past the log's end.
    await db
      .insertInto('audit_log_listed')
      .values({ family_id: 'fam-a', chain_height: height + 100 })
      .execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken?.reason).toMatch(
      /point to no audit row/,
    );
  });
});
