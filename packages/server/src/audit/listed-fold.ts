import { CompiledQuery, type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { backgroundFoldOf, SQLITE_FOLD } from './listed-fold-thread.ts';

/**
 * A fold writes the listed-families entries of every listing row above the mark (migration 0026). It runs in
 * an append's transaction, under the chain's lock, once this process has appended this many entries or rows
 * since its last fold: the entries of ≈ 40 worklist pages at once, so index pages shared by many entries are
 * written once; and the rows above the mark, which a family's log reads directly, stay few.
 */
export const FOLD_AFTER_ENTRIES = 2_000;
export const FOLD_AFTER_ROWS = 5_000;

interface Pending {
  entries: number;
  rows: number;
}

/** Per database (the adapter, which a handle shares with its transactions). */
const pendingByDatabase = new WeakMap<object, Pending>();

/**
 * Notes an append of `rows` rows naming `entries` listed families, ending at chain height `top`, and folds
 * when enough has gathered. `trx` must be the append's transaction, holding the chain's lock.
 */
export async function foldListedWhenDue(
  trx: Transaction<Database>,
  appended: { rows: number; entries: number; top: number },
): Promise<void> {
  const key = trx.getExecutor().adapter;
  let pending = pendingByDatabase.get(key);
  if (!pending) {
    pending = { entries: 0, rows: 0 };
    pendingByDatabase.set(key, pending);
  }
  pending.entries += appended.entries;
  pending.rows += appended.rows;
  if (pending.entries < FOLD_AFTER_ENTRIES && pending.rows < FOLD_AFTER_ROWS) return;
  // A SQLite file folds on its own thread once this transaction has ended (listed-fold-thread.ts).
  if (!backgroundFoldOf(trx)?.request(appended.top)) await foldListed(trx, appended.top);
  // If this transaction rolls back, the rows above the mark simply wait for the next fold (the thread's fold
  // stops at the chain's head).
  pending.entries = 0;
  pending.rows = 0;
}

/**
 * Writes the entries of every listing row in (mark, top] and moves the mark to `top`, in one transaction with
 * the caller's: the index and the mark always agree. Returns the number of entries written. A mark already at
 * or past `top` (another process folded) leaves everything as it is.
 */
export async function foldListed(trx: Transaction<Database>, top: number): Promise<number> {
  const mark = await foldedHeight(trx);
  if (top <= mark) return 0;
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
    const inserted = await trx.executeQuery(CompiledQuery.raw(SQLITE_FOLD.insert, [mark, top]));
    await trx.executeQuery(CompiledQuery.raw(SQLITE_FOLD.setMark, [top]));
    return Number(inserted.numAffectedRows ?? 0);
  }
  const source = sql`select j.value, a.chain_height from audit_log as a
    cross join lateral jsonb_array_elements_text(coalesce(a.details_json::jsonb -> 'familyIds', '[]'::jsonb)) as j(value)
    where a.chain_height > ${mark} and a.chain_height <= ${top}`;
  const inserted = await trx
    .insertInto('audit_log_listed')
    .columns(['family_id', 'chain_height'])
    .expression(source)
    .executeTakeFirst();
  await trx.updateTable('audit_listed_folded').set({ chain_height: top }).where('id', '=', 1).execute();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

/** The chain height up to which listing rows have their index entries. */
export async function foldedHeight(db: Kysely<Database>): Promise<number> {
  return (await foldMark(db)).height;
}

/** The mark, and the height it started from at migration 0026 (above which every `familyIds` row is a list). */
export async function foldMark(db: Kysely<Database>): Promise<{ height: number; since: number }> {
  const row = await db
    .selectFrom('audit_listed_folded')
    .select(['chain_height', 'since'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return { height: Number(row?.chain_height ?? 0), since: Number(row?.since ?? 0) };
}
