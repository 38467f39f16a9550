import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { tableDigest } from '../testing/table-digest.ts';
import { refreshDashboardCounts } from './dashboard-counts.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const AT = '2026-11-23T13:00:00.000Z';

/**
 * First recorded by running this test on the single-pass refresh (each count read its whole table into one
 * array), before the counts were read in chunks: the chunked refresh must give the very same aggregate rows.
 * Recorded again when the demo's referrals came to follow the contact that advised them (demo/network.ts): the
 * same 1 053 rows with other referral counts, the same on both databases and for every chunk size below. And
 * when the demo came to start the safety routes its contacts' notes speak of (demo/safety-routes.ts): the same
 * 1 053 rows and 14 more, those of the `safety_routes` indicator.
 */
const EXPECTED = { rows: 1067, sha256: 'b6ee965648a74aca203685fdfbace361a8b99cc112abd1489f056180b2ac487e' };

forEachDatabase('dashboard counts', (current) => {
  beforeAll(async () => {
    await loadDemo(current().db, {
      families: 200,
      seed: 'chunked',
      today: TODAY,
      password: 'correct horse battery',
    });
  });

  it('gives the aggregates the single-pass refresh gave for the demo families', async () => {
    const { db } = current();
    const written = await refreshDashboardCounts(db, AT);
    const got = await tableDigest(db, 'dashboard_counts', ['count']);
    expect(written).toBe(got.rows);
    expect(got).toEqual(EXPECTED);
  });

  it('gives the same aggregates a few families, referrals and routes at a time', async () => {
    const { db } = current();
    // 7: many chunk boundaries among 200 families; 1: every family, referral and route a chunk of its own.
    for (const chunkSize of [7, 1]) {
      await refreshDashboardCounts(db, AT, chunkSize);
      expect(await tableDigest(db, 'dashboard_counts', ['count'])).toEqual(EXPECTED);
    }
  });

  it('refuses a chunk size that is not a whole number ≥ 1', async () => {
    await expect(refreshDashboardCounts(current().db, AT, 0)).rejects.toThrow(RangeError);
  });

  // The demo's routes are counted above; five more here, so the count must move by exactly those (this changes the
  // data, so last).
  it('counts every safety route once, a route at a time or all at once', async () => {
    const { db } = current();
    // Summed over the families' municipalities, one row each.
    const routes = async () => {
      const rows = await db
        .selectFrom('dashboard_counts')
        .select(['period', 'count'])
        .where('indicator', '=', 'safety_routes')
        .execute();
      const perPeriod = new Map<string, number>();
      for (const r of rows) perPeriod.set(r.period, (perPeriod.get(r.period) ?? 0) + Number(r.count));
      return perPeriod;
    };
    await refreshDashboardCounts(db, AT);
    const before = await routes();
    expect([...before.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const families = await db
      .selectFrom('families')
      .select(['id', 'created_by'])
      .orderBy('id')
      .limit(5)
      .execute();
    await db
      .insertInto('safety_routes')
      .values(
        families.map((f, i) => ({
          id: `00000000-0000-7000-8000-00000000000${i}`,
          family_id: f.id,
          region: 'nl' as const,
          route: 'meldcode_veilig_thuis',
          concerns_json: '[]',
          status: 'closed' as const,
          decision_json: null,
          opened_by: f.created_by,
          opened_at: `2026-0${i + 1}-15T09:00:00.000Z`,
          closed_by: f.created_by,
          closed_at: `2026-0${i + 1}-20T09:00:00.000Z`,
          version: 1,
        })),
      )
      .execute();
    await refreshDashboardCounts(db, AT);
    const whole = await tableDigest(db, 'dashboard_counts', ['count']);
    const after = await routes();
    const added = new Map([...after].map(([period, n]) => [period, n - (before.get(period) ?? 0)]));
    expect([...added].filter(([, n]) => n !== 0).sort()).toEqual([
      ['2026-Q1', 3],
      ['2026-Q2', 2],
    ]);
    await refreshDashboardCounts(db, AT, 1);
    expect(await tableDigest(db, 'dashboard_counts', ['count'])).toEqual(whole);
  });
});
