import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { tableDigest } from '../testing/table-digest.ts';
import { refreshDashboardCounts } from './dashboard-counts.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const AT = '2026-11-23T13:00:00.000Z';

/**
 * Recorded by running this test on the single-pass refresh (each count read its whole table into one array),
 * before the counts were read in chunks: the chunked refresh must give the very same aggregate rows.
 */
const EXPECTED = { rows: 1053, sha256: '6233ae17b1f0a9081274e7551d8997dc13009d38e040d590ef44b2e692cc6e7a' };

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
});
