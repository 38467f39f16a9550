import type { Kysely, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';
import { auditAnchorOf } from './anchor.ts';
import { appendCheckpoint, type Checkpoint, readCheckpoints } from './checkpoints.ts';
import { auditRowHash, GENESIS_HASH, keyedAuditRowHash } from './hash.ts';
import { type AuditKeyRing, envOnlyKeyRing } from './keys.ts';
import { foldMark } from './listed-fold.ts';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
  /** The last row checked. */
  head?: { seq: number; hash: string };
  /** Rows before the first keyed row (plain SHA-256, from before the key was introduced). */
  legacy?: number;
  /** Checkpoints from outside the database that were compared. */
  checkpoints?: number;
  /** Entries of the listed-families index (audit_log_listed) checked against the rows they point to. */
  listed?: number;
}

export interface VerifyOptions {
  /** Default: the key ring of the database's anchor, else NESTWERK_AUDIT_KEY. */
  keyRing?: AuditKeyRing | null;
  /** Default: the anchor's checkpoint file. Null: compare no checkpoints (a backup being checked). */
  checkpointFile?: string | null;
  /** Record the verified head as a new checkpoint (default: when the chain is intact and a file is known). */
  writeCheckpoint?: boolean;
}

const PAGE_SIZE = 5_000;

/**
 * Walks the whole log in seq order, one page at a time (memory stays flat for millions of rows), and reports
 * the first row that is wrong:
 * - its prev_hash does not name its predecessor (a row before it was removed or altered);
 * - its HMAC does not match (altered, or the chain was recomputed by someone without the key);
 * - it is unkeyed after keyed rows (re-chained with plain SHA-256 to dodge the key);
 * - its hash differs from a checkpoint kept outside the database (history rewritten with the key);
 * - a checkpoint names a seq beyond the last row (the tail was removed);
 * - the listed-families index disagrees with the list rows it points to (an entry added, or one removed from a
 *   listing: each listing's entries must be exactly the families its hashed row names).
 * Gaps in seq alone are not an error: PostgreSQL spends a sequence number on every rolled-back insert.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const anchor = auditAnchorOf(db);
  const ring =
    options.keyRing !== undefined ? options.keyRing : (anchor?.settings.keyRing ?? envOnlyKeyRing());
  const file =
    options.checkpointFile !== undefined ? options.checkpointFile : (anchor?.settings.checkpointFile ?? null);
  let checkpoints: Checkpoint[];
  try {
    checkpoints = file ? readCheckpoints(file) : [];
  } catch (err) {
    return {
      ok: false,
      checked: 0,
      firstBroken: { seq: 0, reason: `the checkpoint file cannot be read: ${(err as Error).message}` },
    };
  }
  let nextCheckpoint = 0;
  let checked = 0;
  let legacy = 0;
  let keyedSeen = false;
  let listed = 0;
  let prev: { seq: number; hash: string } | undefined;
  const broken = (seq: number, reason: string): ChainVerification => ({
    ok: false,
    checked,
    firstBroken: { seq, reason },
    ...(prev ? { head: prev } : {}),
    legacy,
    checkpoints: nextCheckpoint,
    listed,
  });
  // Entries are folded in above this mark while we walk (listed-fold.ts): the walk checks the listings up to
  // the mark it started from; what is folded in meanwhile is checked by the next run.
  const mark = await foldMark(db);
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prev?.seq ?? 0)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      const expectedPrev = prev?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev) {
        return broken(
          seq,
          prev
            ? `prev_hash does not match the hash of seq ${prev.seq}: a row before it was removed or altered`
            : 'the first row does not start the chain (prev_hash is not the genesis value): earlier rows were removed',
        );
      }
      // After the link check, so a plain removal is reported where the chain breaks, as it always was.
      const missed = checkpoints[nextCheckpoint];
      if (missed && missed.seq < seq)
        return broken(missed.seq, `row ${missed.seq}, recorded in a checkpoint, is missing: it was removed`);
      if (row.key_id === null) {
        if (keyedSeen)
          return broken(seq, 'an unkeyed row after keyed rows: the chain was recomputed without the key');
        if (auditRowHash(row) !== row.hash)
          return broken(seq, 'hash does not match the row: its contents were altered');
        legacy += 1;
      } else {
        const key = ring?.byId.get(row.key_id);
        if (!key)
          return broken(
            seq,
            ring
              ? `signed with key ${row.key_id}, which is not in the key ring (add the retired key to verify)`
              : 'the row is keyed but no audit key is configured (NESTWERK_AUDIT_KEY or <dataDir>/keys/audit.key)',
          );
        if (keyedAuditRowHash({ ...row, key_id: row.key_id }, key.secret) !== row.hash)
          return broken(
            seq,
            'hash does not match the row: its contents were altered, or the chain was recomputed without the key',
          );
        keyedSeen = true;
      }
      const checkpoint = checkpoints[nextCheckpoint];
      if (checkpoint && checkpoint.seq === seq) {
        if (checkpoint.hash !== row.hash)
          return broken(
            seq,
            `the row differs from the checkpoint of ${checkpoint.at}: history was rewritten`,
          );
        nextCheckpoint += 1;
      }
      checked += 1;
      prev = { seq, hash: row.hash };
    }
    const listing = await checkListed(db, page, mark);
    if ('reason' in listing) return broken(listing.seq, listing.reason);
    listed += listing.entries;
    if (page.length < PAGE_SIZE) break;
  }
  const entries = await db
    .selectFrom('audit_log_listed')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('chain_height', '<=', mark.height)
    .executeTakeFirstOrThrow();
  if (Number(entries.n) !== listed)
    return broken(
      (prev?.seq ?? 0) + 1,
      `the listed-families index has ${Number(entries.n) - listed} entries that point to no audit row: they were added`,
    );
  // One statement each, so a fold running meanwhile cannot make them disagree.
  const [ahead] = await aheadOfMark.execute(db, {});
  if (ahead && Number(ahead.n) > 0)
    return broken(
      (prev?.seq ?? 0) + 1,
      `the listed-families index has ${Number(ahead.n)} entries above its fold mark, where none is written: they were added`,
    );
  const [past] = await markPastHead.execute(db, {});
  if (past)
    return broken(
      (prev?.seq ?? 0) + 1,
      'the listed-families fold mark is past the end of the log: it was moved, or rows were removed from the end',
    );
  const beyond = checkpoints[nextCheckpoint];
  if (beyond) {
    const last = checkpoints[checkpoints.length - 1] ?? beyond;
    return broken(
      (prev?.seq ?? 0) + 1,
      `a checkpoint of ${last.at} records seq ${last.seq}, but the log ends at seq ${prev?.seq ?? 0}: rows were removed from the end`,
    );
  }
  if (prev && file && options.writeCheckpoint !== false)
    appendCheckpoint(file, { seq: prev.seq, hash: prev.hash, at: new Date().toISOString() }, 'checkpoint');
  return {
    ok: true,
    checked,
    ...(prev ? { head: prev } : {}),
    legacy,
    checkpoints: nextCheckpoint,
    listed,
  };
}

type AuditPage = ReadonlyArray<Selectable<AuditLogTable>>;

/** Entries above the fold mark: a fold writes entries and moves the mark in one transaction, so none. */
const aheadOfMark = precompiled((db) =>
  db
    .selectFrom('audit_log_listed')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('chain_height', '>', (eb) =>
      eb.selectFrom('audit_listed_folded').select('chain_height').where('id', '=', 1),
    ),
);

/** The mark, if it is past the chain's last height (a row comes back only then). */
const markPastHead = precompiled((db) =>
  db
    .selectFrom('audit_listed_folded as f')
    .select('f.chain_height')
    .where('f.id', '=', 1)
    .where('f.chain_height', '>', (eb) =>
      eb.selectFrom('audit_log').select((e) => e.fn.coalesce(e.fn.max('chain_height'), e.lit(0)).as('h')),
    ),
);

/**
 * The page's listings up to the fold mark against the index: every entry in that height range must point to
 * a row of the page whose hashed `familyIds` names that family, and every row there must have one entry for
 * each family it names, no more, no fewer. (The rows were verified first, so their details are the ones that
 * were signed.) Rows above the mark have no entries yet; rows up to the mark's starting height (`since`) are
 * held only to the entries they have, as before migration 0026.
 */
async function checkListed(
  db: Kysely<Database>,
  page: AuditPage,
  mark: { height: number; since: number },
): Promise<{ entries: number } | { seq: number; reason: string }> {
  const rows = new Map(
    page
      .filter((r) => r.chain_height !== null && Number(r.chain_height) <= mark.height)
      .map((r) => [Number(r.chain_height), r]),
  );
  if (rows.size === 0) return { entries: 0 };
  const low = Math.min(...rows.keys());
  const high = Math.max(...rows.keys());
  const entries = await db
    .selectFrom('audit_log_listed')
    .select(['family_id', 'chain_height'])
    .where('chain_height', '>=', low)
    .where('chain_height', '<=', high)
    .execute();
  const byHeight = new Map<number, Set<string>>();
  for (const e of entries) {
    const h = Number(e.chain_height);
    const families = byHeight.get(h) ?? new Set<string>();
    families.add(e.family_id);
    byHeight.set(h, families);
  }
  for (const height of byHeight.keys())
    if (!rows.has(height))
      return {
        seq: Number(page[0]?.seq ?? 0),
        reason: `the listed-families index points to chain height ${height}, which no audit row has: entries were added`,
      };
  for (const [height, row] of rows) {
    const families = byHeight.get(height);
    // At or below `since` (0025's time) a row without entries may name families without being a list.
    if (!families && height <= mark.since) continue;
    const named = listedFamilyIds(row.details_json);
    if (!families && named.size === 0) continue;
    const same = named.size === families?.size && [...families].every((f) => named.has(f));
    if (!same)
      return {
        seq: Number(row.seq),
        reason:
          'the listed-families index does not match the families this row names: entries were added or removed',
      };
  }
  return { entries: entries.length };
}

function listedFamilyIds(detailsJson: string | null): Set<string> {
  try {
    const ids = (JSON.parse(detailsJson ?? 'null') as { familyIds?: unknown } | null)?.familyIds;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
