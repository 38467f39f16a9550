import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { precompiled } from './precompiled.ts';

const byRegionAndName = precompiled((db, p: { region: 'nl' | 'be'; name: string }) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('region', '=', p.region)
    .where((eb) => eb.or([eb('name', '=', p.name), eb('id', '=', p.name)]))
    .orderBy('id')
    .limit(10),
);

forEachDatabase('precompiled queries', (current) => {
  it('answer exactly as their Kysely twin, with the arguments in every place they are used', async () => {
    const { db } = current();
    const at = new Date().toISOString();
    await db
      .insertInto('organisations')
      .values([
        { id: 'o1', name: 'A', region: 'nl', kind: 'jgz', created_at: at },
        { id: 'o2', name: 'B', region: 'nl', kind: 'jgz', created_at: at },
        { id: 'B', name: 'C', region: 'nl', kind: 'jgz', created_at: at },
        { id: 'o4', name: 'B', region: 'be', kind: 'jgz', created_at: at },
      ])
      .execute();
    const twin = (region: 'nl' | 'be', name: string) =>
      db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('region', '=', region)
        .where((eb) => eb.or([eb('name', '=', name), eb('id', '=', name)]))
        .orderBy('id')
        .limit(10)
        .execute();
    for (const [region, name] of [
      ['nl', 'B'],
      ['be', 'B'],
      ['nl', 'A'],
      ['be', 'nobody'],
    ] as const) {
      const rows = await byRegionAndName.execute(db, { region, name });
      expect(rows).toEqual(await twin(region, name));
    }
    expect(await byRegionAndName.execute(db, { region: 'nl', name: 'B' })).toEqual([
      { id: 'B', name: 'C' },
      { id: 'o2', name: 'B' },
    ]);
    // Compiled once per dialect: a handle and its transactions share it, and it still sees the
    // transaction's own uncommitted rows (it runs on the transaction's connection).
    const sqlText = byRegionAndName.sql(db);
    await db.transaction().execute(async (trx) => {
      expect(byRegionAndName.sql(trx)).toBe(sqlText);
      await trx
        .insertInto('organisations')
        .values({ id: 'o5', name: 'B', region: 'be', kind: 'jgz', created_at: at })
        .execute();
      expect(await byRegionAndName.execute(trx, { region: 'be', name: 'B' })).toEqual([
        { id: 'o4', name: 'B' },
        { id: 'o5', name: 'B' },
      ]);
    });
  });

  it('refuses ill-formed text in an argument, like every other query', async () => {
    const { db } = current();
    await expect(byRegionAndName.execute(db, { region: 'nl', name: '\uD800' })).rejects.toThrow(
      /lone UTF-16 surrogate/,
    );
  });
});
