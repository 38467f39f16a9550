import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { type AuditEntry, appendAudit, appendAudits } from './append.ts';
import { verifyAuditChain } from './verify.ts';

function entry(i: number): AuditEntry {
  // Every column set in some rows and null in others, text beyond ASCII, so each bound place is checked.
  const full = i % 2 === 0;
  return {
    action: `family.read.${i}`,
    outcome: i % 3 === 0 ? 'denied' : 'success',
    userId: `user-${i}`,
    userRole: full ? 'nurse' : null,
    organisationId: full ? 'org' : null,
    onBehalfOf: full ? `team:t${i}` : null,
    purpose: full ? 'care' : null,
    basis: full ? 'care_relationship' : null,
    basisDetail: full ? `reden ë ${i}` : null,
    clientIp: full ? '192.0.2.1' : null,
    familyId: `family-${i}`,
    personIds: full ? [`p${i}`, 'q'] : null,
    details: full ? { i, text: 'ë — 🙂' } : null,
    at: new Date(Date.UTC(2026, 2, 1, 10, 0, i)).toISOString(),
  };
}

forEachDatabase('precompiled audit insert', (current) => {
  it('stores every row of every batch size, in chain order, across chunks', async () => {
    const { db } = current();
    // 1, 2 and 64 rows take one precompiled insert each; 65 and 200 are split into chunks of 64 (a group
    // commit of several worklist pages), whose rows must still chain in order across the chunk boundaries.
    let next = 0;
    const batches: AuditEntry[][] = [];
    for (const size of [1, 2, 64, 65, 200, 2]) {
      const batch = Array.from({ length: size }, () => entry(next++));
      batches.push(batch);
      await db.transaction().execute((trx) => appendAudits(trx, batch));
    }
    const single = entry(next++);
    const returned = await db.transaction().execute((trx) => appendAudit(trx, single));

    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const entries = [...batches.flat(), single];
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const e = entries[i];
      if (!e) throw new Error('missing entry');
      expect(row).toMatchObject({
        action: e.action,
        outcome: e.outcome,
        user_id: e.userId,
        user_role: e.userRole,
        organisation_id: e.organisationId,
        on_behalf_of: e.onBehalfOf,
        purpose: e.purpose,
        basis: e.basis,
        basis_detail: e.basisDetail,
        client_ip: e.clientIp,
        family_id: e.familyId,
        person_ids: e.personIds ? JSON.stringify(e.personIds) : null,
        details_json: e.details ? JSON.stringify(e.details) : null,
        at: e.at,
      });
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
    });
    // The returned record is the stored row, seq included.
    expect(returned).toEqual(rows[rows.length - 1]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: entries.length });
  });
});
