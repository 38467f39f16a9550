import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The worklist marks a family whose referral's feedback is overdue (policies/family-list.ts). It reads that set
 * once per page, across the organisation's referrals, and had no index for it: every page scanned every
 * referral ever made, which grows without bound while the set it looks for stays small. A partial index on the
 * referrals still waiting for feedback, by due date, holds only those (a referral leaves it when the feedback
 * arrives), so the page reads the overdue ones by one range. Same statement on SQLite and PostgreSQL.
 */
export function referralFeedbackOpen(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('referrals_feedback_open_idx')
        .on('referrals')
        .columns(['feedback_due', 'family_id'])
        .where(sql.ref('feedback_received_at'), 'is', null)
        .execute();
    },
  };
}
