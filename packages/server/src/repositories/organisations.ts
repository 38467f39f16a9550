import type { Db } from './db.ts';

export async function organisationRegion(db: Db, organisationId: string): Promise<'nl' | 'be'> {
  const row = await db
    .selectFrom('organisations')
    .select('region')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.region ?? 'nl';
}

export async function userDisplayName(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

export function findOrganisation(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; region: 'nl' | 'be' } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'region'])
    .where('id', '=', id)
    .executeTakeFirst();
}
