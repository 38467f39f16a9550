import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { auditRowsOfFamily } from '../repositories/family-audit-rows.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { disableAuditProtection, disableFoldGuard } from '../testing/tamper.ts';
import { appendAudits, recordAudit } from './append.ts';
import { FOLD_AFTER_ENTRIES, foldedHeight, foldListed } from './listed-fold.ts';
import { listedFoldIdle } from './listed-fold-thread.ts';
import { searchAudit } from './search.ts';
import { verifyAuditChain } from './verify.ts';

const FAMILIES = ['fam-a', 'fam-b', 'fam-c'];

/** The audit rows one family's log shows, oldest first. */
function rowsOf(db: Parameters<typeof auditRowsOfFamily>[0], familyId: string) {
  return db.selectFrom(auditRowsOfFamily(db, familyId).as('a')).selectAll().orderBy('a.seq').execute();
}

type Db = Parameters<typeof auditRowsOfFamily>[0];

/** Folds every listing row written so far into the index, as an append does when one is due. */
async function foldAll(db: Db): Promise<number> {
  const head = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('chain_height').as('h'))
    .executeTakeFirstOrThrow();
  return db.transaction().execute((trx) => foldListed(trx, Number(head.h ?? 0)));
}

forEachDatabase('listed families (migrations 0025 and 0026)', (current, dialect) => {
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

    // Not folded yet: no entries, and the family's log finds the listing by the families its row names.
    expect(await db.selectFrom('audit_log_listed').selectAll().execute()).toEqual([]);
    const unfolded = await Promise.all(FAMILIES.map((f) => rowsOf(db, f)));
    expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({ ok: true, listed: 0 });
    expect(await foldAll(db)).toBe(2);
    // Folded: the same rows, now through the index.
    expect(await Promise.all(FAMILIES.map((f) => rowsOf(db, f)))).toEqual(unfolded);

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

  it('folds the entries and moves the mark with the transaction that folds, or neither', async () => {
    const { db } = current();
    const before = await db.selectFrom('audit_log_listed').selectAll().execute();
    const mark = await foldedHeight(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudits(trx, [
          { action: 'family.search', outcome: 'success', listedFamilyIds: ['fam-c'] },
        ]);
        const head = await trx
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('chain_height').as('h'))
          .executeTakeFirstOrThrow();
        expect(await foldListed(trx, Number(head.h))).toBe(1);
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
    expect(await db.selectFrom('audit_log_listed').selectAll().execute()).toEqual(before);
    expect(await foldedHeight(db)).toBe(mark);
    expect(await rowsOf(db, 'fam-c')).toEqual([]);
  });

  it('folds by itself once enough entries have gathered, after the append that passes the mark', async () => {
    const { db } = current();
    const many = Array.from({ length: FOLD_AFTER_ENTRIES }, (_, i) => `fam-many-${i}`);
    await db
      .transaction()
      .execute((trx) =>
        appendAudits(trx, [{ action: 'team.overview', outcome: 'success', listedFamilyIds: many }]),
      );
    // PostgreSQL folded in the append's transaction; a SQLite file folds on its own thread right after it.
    await listedFoldIdle(db);
    const row = await db
      .selectFrom('audit_log')
      .select('chain_height')
      .where('action', '=', 'team.overview')
      .executeTakeFirstOrThrow();
    expect(await foldedHeight(db)).toBe(Number(row.chain_height));
    const entries = await db
      .selectFrom('audit_log_listed')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('chain_height', '=', Number(row.chain_height))
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(FOLD_AFTER_ENTRIES);
    expect((await rowsOf(db, 'fam-many-1234')).map((r) => r.action)).toEqual(['team.overview.listed']);
    expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({ ok: true });
  });

  it('reads the same log for every family before and after a fold, whatever lists were written', async () => {
    const { db } = current();
    const families = ['fam-p', 'fam-q', 'fam-r', 'fam-s'];
    // Lists of every subset of the families, mixed with reads of single families.
    for (let mask = 0; mask < 16; mask++) {
      const listedFamilyIds = families.filter((_, i) => mask & (1 << i));
      await db.transaction().execute((trx) =>
        appendAudits(trx, [
          { action: 'worklist.read', outcome: 'success', userId: `u${mask}`, listedFamilyIds },
          { action: 'family.read', outcome: 'success', familyId: families[mask % 4] ?? null },
        ]),
      );
      if (mask === 7) await foldAll(db);
    }
    const before = await Promise.all(families.map((f) => rowsOf(db, f)));
    expect(before.map((rows) => rows.filter((r) => r.action === 'worklist.read.listed').length)).toEqual([
      8, 8, 8, 8,
    ]);
    await foldAll(db);
    expect(await Promise.all(families.map((f) => rowsOf(db, f)))).toEqual(before);
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

  it('is append-only, and its fold mark only moves up', async () => {
    const { db } = current();
    await foldAll(db);
    const count = (await db.selectFrom('audit_log_listed').selectAll().execute()).length;
    expect(count).toBeGreaterThan(0);
    const mark = await foldedHeight(db);
    await expect(sql`update audit_listed_folded set chain_height = ${mark - 1}`.execute(db)).rejects.toThrow(
      /only moves up/,
    );
    await expect(sql`delete from audit_listed_folded`.execute(db)).rejects.toThrow(/only moves up/);
    expect(await foldedHeight(db)).toBe(mark);
    await expect(sql`update audit_log_listed set family_id = 'fam-z'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log_listed`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log_listed').selectAll().execute()).toHaveLength(count);
  });

  it('fails verification when the index is changed behind the triggers’ back', async () => {
    const handle = current();
    const { db } = handle;
    await db
      .transaction()
      .execute((trx) =>
        appendAudits(trx, [{ action: 'team.overview', outcome: 'success', listedFamilyIds: FAMILIES }]),
      );
    await foldAll(db);
    const intact = await verifyAuditChain(db, { checkpointFile: null });
    expect(intact.ok).toBe(true);
    const list = await db
      .selectFrom('audit_log')
      .select(['seq', 'chain_height'])
      .where('action', '=', 'team.overview')
      .where('details_json', 'like', '%fam-c%')
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

    // Every family removed from a listing.
    await db.deleteFrom('audit_log_listed').where('chain_height', '=', height).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken).toMatchObject({
      seq: Number(list.seq),
      reason: expect.stringMatching(/does not match the families this row names/),
    });
    for (const family_id of FAMILIES)
      await db.insertInto('audit_log_listed').values({ family_id, chain_height: height }).execute();
    expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({
      ok: true,
      listed: intact.listed,
    });

    // An entry that points past the log's end, above the fold mark.
    await db
      .insertInto('audit_log_listed')
      .values({ family_id: 'fam-a', chain_height: height + 100 })
      .execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken?.reason).toMatch(
      /above its fold mark/,
    );
    await db
      .deleteFrom('audit_log_listed')
      .where('chain_height', '=', height + 100)
      .execute();

    // A list not folded yet, given an entry by hand: above the mark, where no fold wrote it.
    await db
      .transaction()
      .execute((trx) =>
        appendAudits(trx, [{ action: 'family.search', outcome: 'success', listedFamilyIds: ['fam-a'] }]),
      );
    const pending = Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('chain_height').as('h'))
          .executeTakeFirstOrThrow()
      ).h,
    );
    expect(pending).toBeGreaterThan(await foldedHeight(db));
    await db.insertInto('audit_log_listed').values({ family_id: 'fam-b', chain_height: pending }).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken?.reason).toMatch(
      /above its fold mark/,
    );
    await db.deleteFrom('audit_log_listed').where('chain_height', '=', pending).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).ok).toBe(true);

    // Rows from before the fold (at or below `since`) are held only to the entries they have: the
    // notification list's summary row of that time named `familyIds` without being indexed.
    await db.deleteFrom('audit_log_listed').where('chain_height', '=', height).execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).ok).toBe(false);
    await disableFoldGuard(handle);
    await db
      .updateTable('audit_listed_folded')
      .set({ since: height } as never)
      .execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).ok).toBe(true);

    // The mark moved past the log's end: lists written later would be taken as folded, and not found.
    await foldAll(db);
    await disableFoldGuard(handle);
    await db
      .updateTable('audit_listed_folded')
      .set({ chain_height: pending + 50 })
      .execute();
    expect((await verifyAuditChain(db, { checkpointFile: null })).firstBroken?.reason).toMatch(
      /fold mark is past the end of the log/,
    );
  });
});
