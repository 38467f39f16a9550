import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { normaliseEmail, userByEmailQuery } from './login.ts';
import { createTestOrganisation, createTestUser } from './test-users.ts';

forEachDatabase('log-in: the account by e-mail address', (current, dialect) => {
  it('finds an account whatever the case typed, and no other', async () => {
    const { db } = current();
    const org = await createTestOrganisation(db);
    const user = await createTestUser(db, org, { email: 'lookup.nurse@example.test' });
    const other = await createTestUser(db, org, { email: 'lookup.other@example.test' });
    const found = await userByEmailQuery(db, normaliseEmail('  LOOKUP.nurse@example.TEST ')).execute();
    expect(found.map((u) => u.id)).toEqual([user.id]);
    expect(found.map((u) => u.id)).not.toContain(other.id);
    expect(await userByEmailQuery(db, normaliseEmail('nobody@example.test')).execute()).toEqual([]);
  });

  // PostgreSQL chooses by table statistics, so a plan on a near-empty test table says nothing.
  if (dialect === 'sqlite')
    it('reads the account through the unique e-mail index, not every account (SQLite plan)', async () => {
      const { db } = current();
      const query = userByEmailQuery(db, 'someone@example.test').compile();
      const { rows } = await db.executeQuery<{ detail: string }>({
        ...query,
        sql: `explain query plan ${query.sql}`,
      });
      expect(rows.map((r) => r.detail).join('\n')).toMatch(/SEARCH users USING INDEX/);
    });
});
