import type { Kysely } from 'kysely';
import { v7 as uuid } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { createTestUser } from '../../auth/test-users.ts';
import { generateFamily } from '../../demo/family.ts';
import { planStaff } from '../../demo/staff.ts';
import { balanceSummary } from '../../domain/contact-rows.ts';
import { contactSummariesOfFamilyQuery } from '../../repositories/contacts.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { createOrg, seedFamily } from '../../testing/world.ts';
import { backfillTallies } from './0028_assessment_tally_by_level.ts';

// A real engine result (the demo generator runs the engine), tallies that are not whole numbers, a level
// missing, and a result without a balance: the JSON paths give null for all but the first, and so must the columns.
const today = Date.UTC(2026, 2, 2);
const demo = generateFamily(3, {
  seed: 'migration-0028',
  today,
  staff: planStaff(10, 'migration-0028', today),
});
const engineResult = String(demo.assessments[0]?.result_json);
const RESULTS = [
  engineResult,
  JSON.stringify({
    balance: {
      byLevel: {
        parent: { hindering: 1.5, protective: '2' },
        family: { hindering: 0, protective: 3 },
        child: { hindering: null, protective: 4 },
      },
    },
    padding: 'x'.repeat(5000),
  }),
  JSON.stringify({ balance: { byLevel: { parent: { hindering: 1, protective: 2 } } } }),
  JSON.stringify({ relationship: { suggestedBand: 'safe' } }),
];
const TALLIES = [
  'balance_parent_hindering',
  'balance_parent_protective',
  'balance_family_hindering',
  'balance_family_protective',
  'balance_child_hindering',
  'balance_child_protective',
] as const;

forEachDatabase('migration 0028: the tallies per level beside the stored result', (current, dialect) => {
  const ids: string[] = [];
  let familyId = '';
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    const user = await createTestUser(db, org, { email: 'tally@example.test' });
    const seeded = await seedFamily(db, org.organisationId, user.id);
    familyId = seeded.familyId;
    const at = new Date().toISOString();
    for (const result of RESULTS) {
      const contactId = uuid();
      await db
        .insertInto('contacts')
        .values({
          id: contactId,
          family_id: familyId,
          child_id: seeded.childId,
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
      // As rows were before the migration: the columns there, nothing filled in.
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
    await backfillTallies(db as unknown as Kysely<unknown>, dialect);
    const rows = await db
      .selectFrom('assessments')
      .select(['result_json', ...TALLIES])
      .where('id', 'in', ids)
      .execute();
    expect(rows).toHaveLength(RESULTS.length);
    for (const { result_json, ...stored } of rows) {
      const written = balanceSummary(JSON.parse(result_json));
      expect(stored).toEqual(Object.fromEntries(TALLIES.map((c) => [c, written[c]])));
    }
    const real = rows.find((r) => r.result_json === engineResult);
    // The demo writes the same values the backfill computes, and a real result has every tally.
    for (const column of TALLIES) {
      expect(real?.[column]).toBe(demo.assessments[0]?.[column]);
      expect(typeof real?.[column]).toBe('number');
    }
    expect(rows.find((r) => r.result_json === RESULTS[1])).toMatchObject({
      balance_parent_hindering: null,
      balance_parent_protective: null,
      balance_family_hindering: 0,
      balance_child_hindering: null,
      balance_child_protective: 4,
    });
  });

  // PostgreSQL chooses by table statistics, so a plan on a near-empty test table says nothing.
  if (dialect === 'sqlite')
    it("answers the timeline's assessments from the index alone, never the stored result (SQLite plan)", async () => {
      const { db } = current();
      const query = contactSummariesOfFamilyQuery(db, familyId).compile();
      const { rows } = await db.executeQuery<{ detail: string }>({
        ...query,
        sql: `explain query plan ${query.sql}`,
      });
      expect(rows.map((r) => r.detail).join('\n')).toMatch(
        /SEARCH a USING COVERING INDEX assessments_contact_summary_idx \(contact_id=\?\)/,
      );
      expect(query.sql).not.toMatch(/result_json/);
    });
});
