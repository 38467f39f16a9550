import type { Insertable, Selectable } from 'kysely';
import type { AssessmentTable } from '../db/schema.ts';
import type { Db } from './db.ts';

export type AssessmentRow = Selectable<AssessmentTable>;
export type AssessmentValues = Omit<
  Insertable<AssessmentTable>,
  'id' | 'contact_id' | 'family_id' | 'created_at'
>;

export function findAssessmentByContact(db: Db, contactId: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

export async function insertAssessment(db: Db, row: Insertable<AssessmentTable>): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/** A contact has one assessment; editing the contact recomputes it in place (with the current knowledge). */
export async function replaceAssessment(db: Db, contactId: string, values: AssessmentValues): Promise<void> {
  await db.updateTable('assessments').set(values).where('contact_id', '=', contactId).execute();
}
