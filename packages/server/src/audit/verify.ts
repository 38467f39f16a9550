import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { auditRowHash, GENESIS_HASH } from './hash.ts';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
  /**
   * The last row checked. Removing rows from the end leaves a valid (shorter) chain; writing this down
   * somewhere else (the operations log, a ticket) makes such truncation detectable next time.
   */
  head?: { seq: number; hash: string };
}

const PAGE_SIZE = 5_000;

/**
 * Walks the whole log in seq order, one page at a time (memory stays flat for millions of rows), and reports
 * the first row whose contents do not match its hash or whose prev_hash does not name its predecessor.
 * Gaps in seq alone are not an error: PostgreSQL spends a sequence number on every rolled-back insert; a
 * removed row shows up as a broken link instead.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  let checked = 0;
  let prev: { seq: number; hash: string } | undefined;
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
        const reason = prev
          ? `prev_hash does not match the hash of seq ${prev.seq}: a row before it was removed or altered`
          : 'the first row does not start the chain (prev_hash is not the genesis value): earlier rows were removed';
        return { ok: false, checked, firstBroken: { seq, reason }, ...(prev ? { head: prev } : {}) };
      }
      if (auditRowHash(row) !== row.hash) {
        return {
          ok: false,
          checked,
          firstBroken: { seq, reason: 'hash does not match the row: its contents were altered' },
          ...(prev ? { head: prev } : {}),
        };
      }
      checked += 1;
      prev = { seq, hash: row.hash };
    }
    if (page.length < PAGE_SIZE) break;
  }
  return { ok: true, checked, ...(prev ? { head: prev } : {}) };
}
