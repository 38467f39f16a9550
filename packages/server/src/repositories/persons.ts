import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { PersonTable } from '../db/schema.ts';
import { personSearchKey } from '../db/search-key.ts';
import { type Db, updatedOne } from './db.ts';

/** A person as the application reads it; the search key is the database's business (see insertPerson). */
export type PersonRow = Omit<Selectable<PersonTable>, 'search_key' | 'parental_authority'> & {
  /** Read by the portal's access checks; rows built by hand (tests) may leave it out. */
  parental_authority?: number | null;
};
export type PersonPatch = Partial<
  Pick<
    PersonTable,
    | 'given_name'
    | 'family_name'
    | 'birth_date'
    | 'due_date'
    | 'first_child'
    | 'caregiver_role'
    | 'birth_year'
    | 'low_education'
    | 'phone'
    | 'national_id_system'
    | 'national_id_sealed'
    | 'national_id_key'
    | 'national_id_hint'
  >
>;

export async function insertPerson(db: Db, row: Omit<Insertable<PersonTable>, 'search_key'>): Promise<void> {
  await db
    .insertInto('persons')
    .values({ ...row, search_key: personSearchKey(row.given_name, row.family_name) })
    .execute();
}

export function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Precompiled: it runs on every family read. */
export function personsOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at')
    .orderBy('id');
}
const personsOfFamily = precompiled((db, p: { familyId: string }) => personsOfFamilyQuery(db, p.familyId));

export function listPersons(db: Db, familyId: string): Promise<PersonRow[]> {
  return personsOfFamily.execute(db, { familyId: familyId });
}

export async function updatePerson(
  db: Db,
  id: string,
  version: number,
  patch: PersonPatch,
  now: string,
): Promise<boolean> {
  // A name edit renews the search key, which needs both names: the one not in the patch is read first.
  let searchKey: { search_key: string } | Record<string, never> = {};
  if (patch.given_name !== undefined || patch.family_name !== undefined) {
    const current = await db
      .selectFrom('persons')
      .select(['given_name', 'family_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (current)
      searchKey = {
        search_key: personSearchKey(
          patch.given_name ?? current.given_name,
          patch.family_name ?? current.family_name,
        ),
      };
  }
  const result = await db
    .updateTable('persons')
    .set((eb) => ({ ...patch, ...searchKey, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}
