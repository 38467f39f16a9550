import { beforeAll, expect, it } from 'vitest';
import { createTestUser } from '../auth/test-users.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createOrg, seedFamily } from '../testing/world.ts';
import { idListValue, inIdList } from './id-list.ts';
import { precompiled } from './precompiled.ts';

const namesOf = precompiled((db, p: { ids: unknown }) =>
  db
    .selectFrom('families')
    .select('name')
    .where(inIdList(db, 'id', p.ids))
    .orderBy('name'),
);

forEachDatabase('a list of ids as one bound value', (current, dialect) => {
  const ids: string[] = [];
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    const user = await createTestUser(db, org, { email: 'idlijst@example.test' });
    for (const name of ['Aa', 'Bb', 'Cc'])
      ids.push((await seedFamily(db, org.organisationId, user.id, { name })).familyId);
  });

  it('selects exactly the listed rows, for any number of ids, with one precompiled statement', async () => {
    const db = current().db;
    const names = async (list: string[]) =>
      (await namesOf.execute(db, { ids: idListValue(db, list) })).map((r) => r.name);
    expect(await names([])).toEqual([]);
    expect(await names([ids[1] as string])).toEqual(['Bb']);
    expect(await names([ids[2] as string, ids[0] as string, ids[2] as string])).toEqual(['Aa', 'Cc']);
    // Text that is not an id, with quotes and brackets, matches nothing and breaks nothing.
    expect(await names([`x"],'y`, '{a,b}', 'zoë'])).toEqual([]);
    expect(await names(ids)).toEqual(['Aa', 'Bb', 'Cc']);
  });

  if (dialect === 'sqlite')
    it('looks each id up in the index (SQLite plan)', async () => {
      const db = current().db;
      const statement = namesOf.bind(db, { ids: idListValue(db, ids) });
      const { rows } = await db.executeQuery<{ detail: string }>({
        ...statement,
        sql: `explain query plan ${statement.sql}`,
      });
      const plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(/SEARCH families USING INDEX sqlite_autoindex_families_1 \(id=\?\)/);
      expect(plan).not.toMatch(/SCAN families\b/);
    });
});
