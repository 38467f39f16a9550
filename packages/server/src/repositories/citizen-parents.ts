import type { NationalIdSystem } from '@nestwerk/contract';
import type { Db } from './db.ts';

/** The invited caregiver as the citizen log-in checks them: whose organisation, which number (as a digest). */
export function invitedPerson(db: Db, personId: string) {
  return db
    .selectFrom('persons as p')
    .innerJoin('families as f', 'f.id', 'p.family_id')
    .select(['p.id', 'p.national_id_system', 'p.national_id_key', 'f.organisation_id'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/**
 * The parent accounts whose caregiver's file carries this number (by its keyed digest), in families of the
 * provider's organisation only: a provider speaks for its own organisation's families, never another's.
 */
export async function findCitizenParents(
  db: Db,
  organisationId: string,
  system: NationalIdSystem,
  key: string,
): Promise<Array<{ parentId: string; suspended: boolean }>> {
  const rows = await db
    .selectFrom('persons as p')
    .innerJoin('families as f', 'f.id', 'p.family_id')
    .innerJoin('parent_accounts as a', 'a.person_id', 'p.id')
    .select(['a.id', 'a.suspended_at'])
    .where('p.national_id_key', '=', key)
    .where('p.national_id_system', '=', system)
    .where('p.kind', '=', 'caregiver')
    .where('f.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({ parentId: r.id, suspended: r.suspended_at !== null }));
}
