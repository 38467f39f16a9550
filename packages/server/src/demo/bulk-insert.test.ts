import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { createTestDatabase, testDialects } from '../testing/databases.ts';
import { foreignKeyViolations } from '../testing/foreign-keys.ts';
import { bulkWriter, insertChunked, type TableRows } from './bulk-insert.ts';
import { generateFamily } from './family.ts';
import { insertStaff, loadDemo } from './load.ts';
import { insertDemoNetworks, planDemoNetworks } from './network.ts';
import { planStaff } from './staff.ts';

const TODAY = Date.UTC(2026, 10, 23);
const FAMILY_TABLES = [
  'families',
  'persons',
  'care_relationships',
  'contacts',
  'observations',
  'assessments',
  'agreements',
  'consents',
] as const;

async function dump(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of FAMILY_TABLES) {
    const order = table === 'observations' ? sql.raw('contact_id, kind, code') : sql.raw('id');
    out[table] = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(db)).rows;
  }
  return out;
}

describe.each(testDialects())('demo bulk writer [%s]', (dialect) => {
  it('stores exactly the rows that a plain insert of the same generated families stores', async () => {
    const staff = planStaff(60, 'bulk', TODAY);
    const families = Array.from({ length: 60 }, (_, i) =>
      generateFamily(i, { seed: 'bulk', today: TODAY, staff }),
    );
    // Text that COPY's format must escape, and a null where text could be: stored as a plain insert stores it.
    const agreement = families[0]!.agreements[0]!;
    agreement.text = 'back\\slash \\N tab\there\nnew line\r\nreturn; “quotes” 👶 \u00e9';
    agreement.next_topic = null;
    const tables: TableRows = [
      ['families', families.map((f) => f.family)],
      ['persons', families.flatMap((f) => f.persons)],
      ['care_relationships', families.flatMap((f) => f.careRelationships)],
      ['contacts', families.flatMap((f) => f.contacts)],
      ['observations', families.flatMap((f) => f.observations)],
      ['assessments', families.flatMap((f) => f.assessments)],
      ['agreements', families.flatMap((f) => f.agreements)],
      ['consents', families.flatMap((f) => f.consents)],
    ];
    const bulk = await createTestDatabase(dialect);
    const plain = await createTestDatabase(dialect);
    try {
      for (const target of [bulk, plain])
        await target.db.transaction().execute(async (trx) => {
          await insertStaff(trx, staff, 'not-a-real-hash');
          // The social maps: a consent for a referral names the region's IMH team on it.
          await insertDemoNetworks(trx, planDemoNetworks(staff, 'bulk', new Date(TODAY).toISOString()));
        });
      const writer = bulkWriter(bulk.db);
      // Two batches, one of them with a table that has no rows.
      await writer.write(tables.slice(0, 4));
      await writer.write([...tables.slice(4), ['consents', []]]);
      await writer.finish();
      await plain.db.transaction().execute(async (trx) => {
        for (const [table, rows] of tables) await insertChunked(trx, table, rows);
      });
      const left = await dump(plain.db);
      const right = await dump(bulk.db);
      expect(right.observations?.length).toBeGreaterThan(1000);
      for (const table of FAMILY_TABLES) expect(right[table], table).toEqual(left[table]);
      const stored = right.agreements?.find((a) => (a as { id: string }).id === agreement.id);
      expect(stored).toMatchObject({ text: agreement.text, next_topic: null });
    } finally {
      await bulk.dispose();
      await plain.dispose();
    }
  });

  it('writes with the foreign-key checks off where it may, and foreignKeyViolations finds what that let through', async () => {
    const staff = planStaff(3, 'orphans', TODAY);
    const family = generateFamily(0, { seed: 'orphans', today: TODAY, staff });
    const target = await createTestDatabase(dialect);
    try {
      await target.db.transaction().execute((trx) => insertStaff(trx, staff, 'not-a-real-hash'));
      const writer = bulkWriter(target.db);
      // The family's contacts are left out: its observations and assessments point at nothing.
      const write = writer.write([
        ['families', [family.family]],
        ['observations', family.observations],
      ]);
      const superuser =
        dialect === 'sqlite' ||
        (await sql<{ on: string }>`select current_setting('is_superuser') as on`.execute(target.db)).rows[0]
          ?.on === 'on';
      if (superuser) {
        await write;
        expect(await foreignKeyViolations(target.db)).toEqual([
          dialect === 'sqlite' ? 'observations → contacts' : 'observations_contact_id_fkey',
        ]);
      } else await expect(write).rejects.toThrow(/foreign key/);
      await writer.finish();
    } finally {
      await target.dispose();
    }
  });

  it('gives the same data whatever the batch size, and reports progress after every batch', async () => {
    const small = await createTestDatabase(dialect);
    const whole = await createTestDatabase(dialect);
    try {
      const progress: Array<{ done: number; total: number }> = [];
      const options = {
        families: 23,
        seed: 'batches',
        today: new Date(TODAY),
        password: 'batch-size-password',
      };
      await loadDemo(small.db, { ...options, batchSize: 10, onProgress: (p) => progress.push(p) });
      await loadDemo(whole.db, options);
      // Ten, ten, and the three left over: the last batch is a short one.
      expect(progress).toEqual([
        { done: 10, total: 23 },
        { done: 20, total: 23 },
        { done: 23, total: 23 },
      ]);
      expect(await dump(small.db)).toEqual(await dump(whole.db));
      await expect(loadDemo(whole.db, { ...options, batchSize: 0 })).rejects.toThrow(/batchSize/);
    } finally {
      await small.dispose();
      await whole.dispose();
    }
  });
});
