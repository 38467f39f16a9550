import type { Insertable, Selectable } from 'kysely';
import type { PersonTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type PersonRow = Selectable<PersonTable>;
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
  >
>;

export async function insertPerson(db: Db, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('persons').values(row).execute();
}

export function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPersons(db: Db, familyId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updatePerson(
  db: Db,
  id: string,
  version: number,
  patch: PersonPatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('persons')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}
