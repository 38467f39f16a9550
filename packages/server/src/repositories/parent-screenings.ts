import type { Insertable, Selectable } from 'kysely';
import { idListValue, inIdList } from '../db/id-list.ts';
import { precompiled } from '../db/precompiled.ts';
import type { ParentScreeningTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type ParentScreeningRow = Selectable<ParentScreeningTable> & { professional_name: string | null };

function selectScreenings(db: Db) {
  return (
    db
      .selectFrom('parent_screenings as s')
      .leftJoin('users as u', 'u.id', 's.created_by')
      // An imported screening names the sender's professional, who has no user here (as for contacts).
      .leftJoin('imported_records as ir', (j) =>
        j.onRef('ir.record_id', '=', 's.id').on('ir.record_kind', '=', 'screening'),
      )
      .selectAll('s')
      .select((eb) =>
        eb
          .case()
          .when('ir.id', 'is not', null)
          .then(eb.ref('ir.source_author'))
          .else(eb.ref('u.display_name'))
          .end()
          .as('professional_name'),
      )
  );
}

export async function insertParentScreening(db: Db, row: Insertable<ParentScreeningTable>): Promise<void> {
  await db.insertInto('parent_screenings').values(row).execute();
}

export function findParentScreening(db: Db, id: string): Promise<ParentScreeningRow | undefined> {
  return selectScreenings(db).where('s.id', '=', id).executeTakeFirst();
}

/** Precompiled: it runs on every family read. */
export function screeningsOfFamilyQuery(db: Db, familyId: string) {
  // Screenings recorded in one moment (a parent's EPDS and GAD-2 of one visit) tie on date and time: without the
  // id the two databases, and one database from plan to plan, gave them in different orders.
  return selectScreenings(db)
    .where('s.family_id', '=', familyId)
    .orderBy('s.date', 'desc')
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc');
}
const screeningsOfFamily = precompiled((db, p: { familyId: string }) =>
  screeningsOfFamilyQuery(db, p.familyId),
);

/** A family's screenings, newest first (by date, then by when they were recorded, then by id). */
export function listParentScreenings(db: Db, familyId: string): Promise<ParentScreeningRow[]> {
  return screeningsOfFamily.execute(db, { familyId: familyId });
}

/** Who was screened on which date, for the due-screening count of several families at once (worklist page). */
/** Precompiled: every worklist page reads it (the ids as one value, see db/id-list.ts). */
export function screeningDatesOfFamiliesQuery(db: Db, ids: unknown) {
  return db
    .selectFrom('parent_screenings')
    .select(['family_id', 'person_id', 'date'])
    .where(inIdList(db, 'family_id', ids));
}
const screeningDatesOfFamilies = precompiled((db, p: { ids: unknown }) =>
  screeningDatesOfFamiliesQuery(db, p.ids),
);

export async function screeningDatesOf(
  db: Db,
  familyIds: readonly string[],
): Promise<{ family_id: string; person_id: string; date: string }[]> {
  if (familyIds.length === 0) return [];
  return screeningDatesOfFamilies.execute(db, { ids: idListValue(db, familyIds) });
}
