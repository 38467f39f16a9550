import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createTestUser } from '../../auth/test-users.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { createOrg, seedFamily } from '../../testing/world.ts';
import { backfillSearchKeys } from './0012_search_keys.ts';

forEachDatabase('migration 0012: search keys for existing names', (current) => {
  let familyId = '';
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    const user = await createTestUser(db, org, { email: 'zoeken@example.test' });
    ({ familyId } = await seedFamily(db, org.organisationId, user.id, { name: 'Çelik-Müller' }));
    // As the rows were before the migration: the column added with its default, nothing filled in.
    await db.updateTable('families').set({ search_key: '' }).execute();
    await db.updateTable('persons').set({ search_key: '' }).execute();
  });

  it('fills in every family and person from their names, lower case and without diacritics', async () => {
    const db = current().db;
    await backfillSearchKeys(db as unknown as Kysely<unknown>);
    const family = await db
      .selectFrom('families')
      .select('search_key')
      .where('id', '=', familyId)
      .executeTakeFirst();
    expect(family?.search_key).toBe('celik-muller');
    const persons = await db
      .selectFrom('persons')
      .select(['given_name', 'search_key'])
      .where('family_id', '=', familyId)
      .orderBy('given_name')
      .execute();
    expect(persons.map((p) => p.search_key)).toEqual(['noor celik-muller', 'sanne celik-muller']);
  });
});
