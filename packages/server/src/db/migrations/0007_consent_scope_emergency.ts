import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

/** 0003's kinds plus the notice of an emergency access; frozen here like every migration's lists. */
const NOTIFICATION_KINDS = [
  'referral_received',
  'feedback_received',
  'feedback_overdue',
  'consent_withdrawn',
  'referral_status',
  'emergency_access',
];

/**
 * A consent names its receiver and what may go there:
 * - `recipient_partner_id` (a partner on the social map) or `recipient_kind` (a partner kind) with the named
 *   recipient in the existing `recipient` column;
 * - `scope_items_json`, the share items the parent agreed to.
 * Existing consents keep all three NULL: they named their receiver and scope in free text only, which no
 * check can hold a referral against, so they can no longer carry one (the file still shows them; the
 * professional records a new consent with the parent). Guessing a partner from the free text would let a
 * consent for one GP carry data to another.
 *
 * Break the glass: a renewal points at the grant it follows (`renews_id`), and its notification points at
 * the event (`notifications.emergency_access_id`, with the new kind in the CHECK).
 */
export function consentScopeEmergency(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('consents')
        .addColumn('recipient_partner_id', 'text', (c) => c.references('partners.id'))
        .execute();
      await db.schema.alterTable('consents').addColumn('recipient_kind', 'text').execute();
      await db.schema.alterTable('consents').addColumn('scope_items_json', 'text').execute();

      await db.schema
        .alterTable('emergency_access')
        .addColumn('renews_id', 'text', (c) => c.references('emergency_access.id'))
        .execute();

      if (dialect === 'postgres') {
        await db.schema
          .alterTable('notifications')
          .addColumn('emergency_access_id', 'text', (c) => c.references('emergency_access.id'))
          .execute();
        await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
        await sql`alter table notifications add constraint notifications_kind_check check (${inList(
          'kind',
          NOTIFICATION_KINDS,
        )})`.execute(db);
        return;
      }
      // SQLite cannot change a CHECK in place: rebuild the table (nothing references notifications).
      await db.schema
        .createTable('notifications_0007')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('emergency_access_id', 'text', (c) => c.references('emergency_access.id'))
        .addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS))
        .execute();
      await sql`insert into notifications_0007 (id, user_id, kind, referral_id, created_at, read_at, dedupe_key)
        select id, user_id, kind, referral_id, created_at, read_at, dedupe_key from notifications`.execute(
        db,
      );
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('notifications_0007').renameTo('notifications').execute();
      await db.schema
        .createIndex('notifications_user_idx')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  };
}
