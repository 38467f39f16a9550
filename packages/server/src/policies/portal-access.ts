import type { Db } from '../repositories/db.ts';
import { flaggedInOpenSafetyRoute } from '../repositories/portal.ts';

export type PortalBlock = 'no_parental_authority' | 'safety_route' | 'not_caregiver';

/**
 * Whether a person may have portal access now (checked at invitation, at redemption and on every request):
 * a caregiver of the family, whose parental authority a professional recorded, who is not named in an open
 * safety route. Unrecorded authority blocks too: access is given on a professional's word, never assumed.
 */
export async function portalBlock(db: Db, personId: string, familyId: string): Promise<PortalBlock | null> {
  const person = await db
    .selectFrom('persons')
    .select(['kind', 'family_id', 'parental_authority'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || person.kind !== 'caregiver' || person.family_id !== familyId) return 'not_caregiver';
  if (Number(person.parental_authority) !== 1) return 'no_parental_authority';
  if (await flaggedInOpenSafetyRoute(db, personId)) return 'safety_route';
  return null;
}
