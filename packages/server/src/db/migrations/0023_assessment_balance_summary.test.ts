import { type Kysely, sql } from 'kysely';
import { v7 as uuid } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { createTestUser } from '../../auth/test-users.ts';
import { generateFamily } from '../../demo/family.ts';
import { planStaff } from '../../demo/staff.ts';
import { balanceSummary } from '../../domain/contact-rows.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { indexNames } from '../../testing/index-names.ts';
import { createOrg, seedFamily } from '../../testing/world.ts';
import { backfillBalanceSummary } from './0023_assessment_balance_summary.ts';

// A real engine result (from the demo generator, which runs the engine), one with nothing recorded, and one
// without a balance at all (the JSON paths give null there, and so must the columns).
const today = Date.UTC(2026, 2, 2);
const demo = generateFamily(3, {
  seed: 'migration-0023',
  today,
  staff: planStaff(10, 'migration-0023', today),
});
const engineResult = String(demo.assessments[0]?.result_json);
const RESULTS = [
  engineResult,
  JSON.stringify({ balance: { hindering: [], protective: [], tilt: 'not_known' }, other: 'x'.repeat(5000) }),
  JSON.stringify({ relationship: { suggestedBand: 'safe' } }),
];

/** The three columns this migration adds, of the writers' summary (0028 adds more). */
function countsOf(summary: ReturnType<typeof balanceSummary>) {
  const { balance_hindering, balance_protective, balance_tilt } = summary;
  return { balance_hindering, balance_protective, balance_tilt };
}

forEachDatabase('migration 0023: the balance summary beside the stored result', (current, dialect) => {
  const ids: string[] = [];
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    const user = await createTestUser(db, org, { email: 'balans@example.test' });
    const { familyId, childId } = await seedFamily(db, org.organisationId, user.id);
    const at = new Date().toISOString();
    for (const result of RESULTS) {
      const contactId = uuid();
      await db
        .insertInto('contacts')
        .values({
          id: contactId,
          family_id: familyId,
          child_id: childId,
          professional_id: user.id,
          type: 'consult',
          date: '2026-02-20',
          child_age_months: 8,
          gestation_weeks: null,
          status: 'final',
          notes: null,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
      const id = uuid();
      ids.push(id);
      // As the rows were before the migration: the columns added, nothing filled in.
      await db
        .insertInto('assessments')
        .values({
          id,
          contact_id: contactId,
          family_id: familyId,
          knowledge_version: 'test',
          input_json: '{}',
          result_json: result,
          suggested_band: 'safe',
          agreed_band: null,
          agreed_note: null,
          cumulative_risk: 0,
          refer_outside: 0,
          safety_concern: 0,
          created_at: at,
        })
        .execute();
    }
  });

  it('fills every row from its stored result, as the writers compute it from the result', async () => {
    const db = current().db;
    await backfillBalanceSummary(db as unknown as Kysely<unknown>, dialect);
    const rows = await db
      .selectFrom('assessments')
      .select(['id', 'result_json', 'balance_hindering', 'balance_protective', 'balance_tilt'])
      .where('id', 'in', ids)
      .execute();
    expect(rows).toHaveLength(RESULTS.length);
    for (const { id: _id, result_json, ...stored } of rows) {
      expect({
        ...stored,
        balance_hindering: stored.balance_hindering === null ? null : Number(stored.balance_hindering),
        balance_protective: stored.balance_protective === null ? null : Number(stored.balance_protective),
      }).toEqual(countsOf(balanceSummary(JSON.parse(result_json))));
    }
    const real = rows.find((r) => r.result_json === engineResult);
    // The demo writes the same values the backfill computes.
    expect(real && Number(real.balance_hindering)).toBe(demo.assessments[0]?.balance_hindering);
    expect(real?.balance_tilt).toBe(demo.assessments[0]?.balance_tilt);
    expect(rows.find((r) => r.result_json === RESULTS[2])?.balance_tilt).toBeNull();
  });

  it('replaces the contact index by one that covers the worklist columns', async () => {
    const names = await indexNames(current().db, dialect, 'assessments');
    expect(names).toContain('assessments_contact_summary_idx');
    expect(names).not.toContain('assessments_contact_idx');
  });

  // PostgreSQL chooses by table statistics, so a plan on a near-empty test table says nothing.
  if (dialect === 'sqlite')
    it('answers the latest assessment of a contact from the index alone (SQLite plan)', async () => {
      const { db } = current();
      const { rows } = await sql<{ detail: string }>`explain query plan
        select a.suggested_band, a.agreed_band, a.cumulative_risk, a.safety_concern,
          a.balance_hindering, a.balance_protective, a.balance_tilt
        from contacts c left join assessments a on a.contact_id = c.id where c.id = ${'c1'}`.execute(db);
      expect(rows.map((r) => r.detail).join('\n')).toMatch(
        /USING COVERING INDEX assessments_contact_summary_idx/,
      );
    });
});
