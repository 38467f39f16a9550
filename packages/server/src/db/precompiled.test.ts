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

const pageOfRegion = precompiled(
  (db, p: { region: 'nl' | 'be'; offset: number; limit: number }) =>
    db
      .selectFrom('organisations')
      .select(['id'])
      .where('region', '=', p.region)
      .where('kind', '=', 'jgz')
      .orderBy('id')
      .offset(p.offset)
      .limit(p.limit),
  { perValue: ['offset', 'limit'] },
);

forEachDatabase('precompiled queries', (current, dialect) => {
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

  it('pages as its Kysely twin with the limit and offset written in (SQLite) or bound (PostgreSQL)', async () => {
    const { db } = current();
    const at = new Date().toISOString();
    await db
      .insertInto('organisations')
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          id: `p${i}`,
          name: 'P',
          region: 'be',
          kind: 'jgz',
          created_at: at,
        })),
      )
      .execute();
    for (const [offset, limit] of [
      [0, 3],
      [3, 3],
      [6, 3],
      [0, 3],
      [2, 10],
      [9, 1],
    ] as const) {
      const twin = await db
        .selectFrom('organisations')
        .select(['id'])
        .where('region', '=', 'be')
        .where('kind', '=', 'jgz')
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute();
      expect(await pageOfRegion.execute(db, { region: 'be', offset, limit })).toEqual(twin);
      const statement = pageOfRegion.bind(db, { region: 'be', offset, limit });
      if (dialect === 'sqlite') {
        // Only the region is bound: the constant and the page's numbers are in the text.
        expect(statement.parameters).toEqual(['be']);
        expect(statement.sql).toMatch(
          new RegExp(`"kind" = 'jgz' order by "id" limit ${limit} offset ${offset}$`),
        );
      } else expect(statement.parameters).toEqual(['be', 'jgz', limit, offset]);
    }
    // Only whole numbers are written into a statement's text.
    if (dialect === 'sqlite')
      expect(() => pageOfRegion.bind(db, { region: 'be', offset: 0, limit: 1.5 })).toThrow(TypeError);
  });
});
