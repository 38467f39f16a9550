import type { Kysely, Migration } from 'kysely';

/**
 * The total of an intake queue from a narrow index (receiving organisation, status): PostgreSQL would rather
 * scan the whole referrals table than the wide covering index of 0003 (bench: api.referral_inbox.p95_ms).
 */
export function referralInboxCount(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('referrals_receiver_status_idx')
        .on('referrals')
        .columns(['receiver_organisation_id', 'status'])
        .execute();
    },
  };
}
