import { type Kysely, type Migration, sql } from 'kysely';

/**
 * What finishing a contact moment needs to record, and what it may close:
 * - `assessments.agreed_band_not_discussed`: the nurse chose "not discussed" for the estimate agreed with the
 *   parent, so an empty estimate on a finished contact is a choice, never an oversight.
 * - `agreements.superseded_by`: an open follow-up closed because a later contact planned a new one (the old one
 *   is done, and says why and by which agreement), so the worklist does not keep showing it as overdue.
 * - `organisations.phone`: the number parents call, printed on the parent tips.
 *
 * Only columns are added (nullable or with a default), which both SQLite and PostgreSQL do in place.
 */
export function contactCompleteness(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('assessments')
        .addColumn('agreed_band_not_discussed', 'integer', (c) =>
          c.notNull().defaultTo(0).check(sql`agreed_band_not_discussed in (0, 1)`),
        )
        .execute();
      await db.schema
        .alterTable('agreements')
        .addColumn('superseded_by', 'text', (c) => c.references('agreements.id'))
        .execute();
      await db.schema.alterTable('organisations').addColumn('phone', 'text').execute();
    },
  };
}
