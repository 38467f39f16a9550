import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { Band, ContactTable, LevelTallyColumns } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type ContactRow = Selectable<ContactTable>;
export type ContactPatch = Pick<
  ContactTable,
  'child_id' | 'type' | 'date' | 'child_age_months' | 'gestation_weeks' | 'status' | 'notes'
>;

export async function insertContact(db: Db, row: Insertable<ContactTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContactFamilyId(db: Db, id: string): Promise<string | undefined> {
  return db
    .selectFrom('contacts')
    .select('family_id')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r?.family_id);
}

export async function updateContact(
  db: Db,
  id: string,
  version: number,
  patch: ContactPatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}

/** One line of the family's timeline, with the assessment made at that contact and its tallies per level. */
export interface ContactSummaryRow extends LevelTallyColumns {
  id: string;
  child_id: string;
  professional_id: string;
  professional_name: string | null;
  type: ContactTable['type'];
  date: string;
  status: ContactTable['status'];
  child_age_months: number | null;
  gestation_weeks: number | null;
  suggested_band: Band | null;
  agreed_band: Band | null;
  agreed_band_not_discussed: number | null;
  cumulative_risk: number | null;
  safety_concern: number | null;
  refer_outside: number | null;
}

/** Precompiled: it runs on every family read. */
export function contactSummariesOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('users as u', 'u.id', 'c.professional_id')
    .leftJoin('assessments as a', 'a.contact_id', 'c.id')
    .select([
      'c.id',
      'c.child_id',
      'c.professional_id',
      'u.display_name as professional_name',
      'c.type',
      'c.date',
      'c.status',
      'c.child_age_months',
      'c.gestation_weeks',
      'a.suggested_band',
      'a.agreed_band',
      'a.agreed_band_not_discussed',
      'a.cumulative_risk',
      'a.safety_concern',
      'a.refer_outside',
      // Beside the result, in the covering index (migration 0028): no reading the kilobytes of result JSON.
      'a.balance_parent_hindering',
      'a.balance_parent_protective',
      'a.balance_family_hindering',
      'a.balance_family_protective',
      'a.balance_child_hindering',
      'a.balance_child_protective',
    ])
    .where('c.family_id', '=', familyId)
    .orderBy('c.date', 'desc')
    .orderBy('c.id', 'desc');
}
const contactSummariesOfFamily = precompiled((db, p: { familyId: string }) =>
  contactSummariesOfFamilyQuery(db, p.familyId),
);

export function listContactSummaries(db: Db, familyId: string): Promise<ContactSummaryRow[]> {
  return contactSummariesOfFamily.execute(db, { familyId: familyId });
}
