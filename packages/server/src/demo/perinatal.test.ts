import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, forEachDatabase, type TestDatabase } from '../testing/databases.ts';
import { tableDigest } from '../testing/table-digest.ts';
import { loadDemo } from './load.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const SEED = 'chunked';
const FAMILIES = 200;

/**
 * Recorded by running this test on the single-pass loader (all eligible children and their parents read at once,
 * one insert for the whole database), before it was split into chunks of families: the chunked loader must give
 * the very same rows, ids included. The two curated families' contacts are assessed again, hence the assessments.
 * Those were recorded per database at first, because the reassessment read the family's persons and screenings in
 * the database's own order; it reads them in id order now, and both databases store the same assessments.
 * The assessments' digest was taken again when migration 0028 added the six tallies per level: without those
 * columns it is the one recorded before, checked on both databases. It was taken once more when the engine came to
 * list each source of a recommendation once: 58 of the 618 results differ, each only by a repeated passage
 * dropped from a recommendation's sources (compared row by row against the results of the code before).
 */
const EXPECTED = {
  parent_screenings: {
    rows: 139,
    sha256: 'a5494cac2a8ae1ba227ed14ff6d7d8bbb9c9e93b8d98a60e72b5b1c7588907e8',
  },
  parent_factor_observations: {
    rows: 3,
    sha256: 'b26083f969895675717b0e10b55c5b02251e7738d8e6e4d13edb05566d30bc04',
  },
  assessments: {
    rows: 618,
    sha256: '7af4f22515f24c1f6805e1669f8ca251ce963e5d4d49dce852780d001cef8ba0',
  },
};

async function digests({ db }: TestDatabase) {
  return {
    parent_screenings: await tableDigest(db, 'parent_screenings'),
    parent_factor_observations: await tableDigest(db, 'parent_factor_observations'),
    assessments: await tableDigest(db, 'assessments'),
  };
}

forEachDatabase('demo perinatal screenings in chunks', (current, dialect) => {
  const extra: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of extra) await db.dispose();
  });

  it('gives the rows the single-pass loader gave for the same seed and day', async () => {
    const { db } = current();
    await loadDemo(db, { families: FAMILIES, seed: SEED, today: TODAY, password: 'correct horse battery' });
    const got = await digests(current());
    expect(got).toEqual(EXPECTED);
  });

  it('gives the same rows when the families are taken a few at a time', async () => {
    const fresh = await createTestDatabase(dialect);
    extra.push(fresh);
    // 7 families per chunk: some thirty chunk boundaries in 200 families, and the recomputed contacts among them.
    await loadDemo(fresh.db, {
      families: FAMILIES,
      seed: SEED,
      today: TODAY,
      password: 'correct horse battery',
      batchSize: 7,
    });
    expect(await digests(fresh)).toEqual(await digests(current()));
  });
});
