import type { CompiledQuery } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createTestUser } from '../auth/test-users.ts';
import type { Principal } from '../http/principal.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createOrg, relate, seedFamily } from '../testing/world.ts';
import { type DueFilter, familyPageStatement, listFamilyPage } from './family-list.ts';

/**
 * The worklist page must grow with the caseload, never with the organisation: it walks the professional's
 * care relationships by index and looks each family up by its primary key, so an organisation of 10^6 families
 * costs a nurse's request no more than one of a thousand (plans in docs/operations.md).
 * PostgreSQL plans by table statistics, so its plan is recorded at scale in docs/operations.md, not asserted on
 * a near-empty test table; SQLite's plan does not depend on them, so it is checked here.
 */
forEachDatabase('worklist page: driven from the caseload', (current, dialect) => {
  let principal: Principal;
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    const nurse = await createTestUser(db, org, { email: 'werklijst-plan@example.test', role: 'nurse' });
    principal = {
      userId: nurse.id,
      role: 'nurse',
      organisationId: org.organisationId,
      teamId: org.teamId,
      sessionIdHash: 'test',
      displayName: 'Test',
    };
    for (const name of ['Aa', 'Bb', 'Cc']) {
      const { familyId } = await seedFamily(db, org.organisationId, nurse.id, { name });
      await relate(db, familyId, name === 'Cc' ? { teamId: org.teamId } : { userId: nurse.id }, nurse.id);
    }
    // A family of another organisation the nurse happens to hold a relationship with: never listed.
    const other = await createOrg(db);
    const elsewhere = await seedFamily(db, other.organisationId, nurse.id, { name: 'Elders' });
    await relate(db, elsewhere.familyId, { userId: nurse.id }, nurse.id);
  });

  const query = (scope: 'mine' | 'team', q?: string, due: DueFilter = 'all', offset = 0) => ({
    principal,
    today: '2026-03-02',
    scope,
    q,
    due,
    offset,
    limit: 50,
  });

  /** The page statement the real function runs, after checking what it lists. */
  async function pageQuery(scope: 'mine' | 'team', q?: string): Promise<CompiledQuery> {
    const db = current().db;
    const page = await listFamilyPage(db, query(scope, q));
    expect(page.rows.map((r) => r.name)).toEqual(scope === 'team' ? ['Cc'] : q ? ['Bb'] : ['Aa', 'Bb']);
    const statement = familyPageStatement(db, query(scope, q));
    if (!statement) throw new Error('no page statement');
    return statement;
  }

  it('runs, precompiled, the statement a fresh build gives (on SQLite with its constants written in), for every shape', async () => {
    const db = current().db;
    for (const role of ['nurse', 'team_lead'] as const)
      for (const teamId of [principal.teamId, null])
        for (const scope of ['mine', 'team'] as const)
          for (const due of ['all', 'today', 'overdue', 'week'] as const) {
            const q = { ...query(scope, undefined, due, 1), principal: { ...principal, role, teamId } };
            const kept = familyPageStatement(db, q);
            const built = familyPageStatement(db, q, { precompiled: false });
            if (dialect === 'postgres') {
              expect(kept?.sql).toBe(built?.sql);
              expect(kept?.parameters).toEqual(built?.parameters);
            } else {
              // A bound limit would make SQLite prepare the page anew on every run (db/inline-constants.ts).
              expect(kept?.sql).toMatch(/ limit 50 offset 1$/);
              expect(kept?.parameters).not.toContain('open');
            }
            const [a, b] = [kept, built].map((s) => (s ? db.executeQuery(s) : null));
            expect((await a)?.rows).toEqual((await b)?.rows);
          }
  });

  if (dialect === 'sqlite')
    it('walks the care relationships by index, looks each family up by its key, and reads only open referrals (SQLite plan)', async () => {
      for (const [scope, q] of [['mine'], ['team'], ['mine', 'bb']] as const) {
        const query = await pageQuery(scope, q);
        // The same statement with the same parameters, asked for its plan.
        const { rows } = await current().db.executeQuery<{ detail: string }>({
          ...query,
          sql: `explain query plan ${query.sql}`,
        });
        const plan = rows.map((r) => r.detail).join('\n');
        expect(plan).toMatch(
          /SEARCH care_relationships USING COVERING INDEX care_relationships_(user|team)_active_idx/,
        );
        expect(plan).toMatch(/SEARCH f USING INDEX sqlite_autoindex_families_1 \(id=\?\)/);
        expect(plan).not.toMatch(/SCAN f\b/);
        // The overdue-feedback set: the referrals still waiting, by due date — never every referral made.
        expect(plan).toMatch(
          /SEARCH rf USING (COVERING )?INDEX referrals_feedback_open_idx \(feedback_due<\?\)/,
        );
        expect(plan).not.toMatch(/SCAN rf\b/);
      }
    });

  if (dialect === 'postgres')
    it('looks each family of the caseload up in turn, never joins it to a scan of the organisation (PostgreSQL plan)', async () => {
      for (const [scope, q] of [['mine'], ['team'], ['mine', 'bb']] as const) {
        const query = await pageQuery(scope, q);
        const { rows } = await current().db.executeQuery<{ 'QUERY PLAN': string }>({
          ...query,
          sql: `explain (costs off) ${query.sql}`,
        });
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        // The LATERAL subquery stays a subquery run per row of the caseload (its limit keeps it from being
        // pulled up into a join the planner may answer with a hash join over the organisation's families).
        expect(plan).toMatch(/Nested Loop[\s\S]*->\s+Limit[\s\S]*on families f/);
        expect(plan).not.toMatch(/Hash Join/);
      }
    });

  it('lists only families of the professional’s own organisation, whatever the relationships say', async () => {
    await pageQuery('mine');
    await pageQuery('team');
    await pageQuery('mine', 'bb');
  });
});
