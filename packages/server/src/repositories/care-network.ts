import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { CareNetworkMemberTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type CareNetworkMemberRow = Selectable<CareNetworkMemberTable>;
export type CareNetworkPatch = Partial<
  Pick<CareNetworkMemberTable, 'name' | 'role' | 'organisation' | 'phone' | 'email' | 'note'>
>;

/** The current members of a family's care network (wrapped care), the coordinator first. */
/** Precompiled: it runs on every family read. */
export function careNetworkOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('care_network_members')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('removed_at', 'is', null)
    .orderBy('coordinator', 'desc')
    .orderBy('created_at')
    .orderBy('id');
}
const careNetworkOfFamily = precompiled((db, p: { familyId: string }) =>
  careNetworkOfFamilyQuery(db, p.familyId),
);

export function listCareNetwork(db: Db, familyId: string): Promise<CareNetworkMemberRow[]> {
  return careNetworkOfFamily.execute(db, { familyId });
}

export function findCareNetworkMember(
  db: Db,
  familyId: string,
  id: string,
): Promise<CareNetworkMemberRow | undefined> {
  return db
    .selectFrom('care_network_members')
    .selectAll()
    .where('id', '=', id)
    .where('family_id', '=', familyId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function insertCareNetworkMember(
  db: Db,
  row: Insertable<CareNetworkMemberTable>,
): Promise<void> {
  await db.insertInto('care_network_members').values(row).execute();
}

/** Clears the coordinator flag of the family's current coordinator (before appointing another). */
export async function clearCoordinator(db: Db, familyId: string, now: string): Promise<void> {
  await db
    .updateTable('care_network_members')
    .set((eb) => ({ coordinator: 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('family_id', '=', familyId)
    .where('coordinator', '=', 1)
    .where('removed_at', 'is', null)
    .execute();
}

export async function updateCareNetworkMember(
  db: Db,
  id: string,
  version: number,
  patch: CareNetworkPatch & { coordinator?: number },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('care_network_members')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return updatedOne(result);
}

/** Removal keeps the row (who was involved, and until when, stays part of the record). */
export async function removeCareNetworkMember(db: Db, id: string, by: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('care_network_members')
    .set((eb) => ({
      removed_at: now,
      removed_by: by,
      coordinator: 0,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return updatedOne(result);
}
