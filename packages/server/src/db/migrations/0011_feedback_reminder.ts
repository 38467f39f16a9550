import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

const NOTIFICATION_KINDS = [
  'referral_received',
  'feedback_received',
  'feedback_overdue',
  'consent_withdrawn',
  'referral_status',
  'emergency_access',
  'approval_requested',
  'approval_decided',
  'account_change_requested',
  'account_changed',
  'urgent_screening',
  'feedback_reminder',
];

/**
 * A notification kind for the referrer's reminder that feedback is overdue, sent to the receiving team.
 * PostgreSQL swaps the CHECK constraint; SQLite (which cannot change a CHECK in place) rebuilds the table,
 * keeping every column earlier migrations added and the user index.
 */
export function feedbackReminder(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
        await sql`alter table notifications add constraint notifications_kind_check check (${inList(
          'kind',
          NOTIFICATION_KINDS,
        )})`.execute(db);
        await db.schema
          .createIndex('notifications_referral_kind_idx')
          .on('notifications')
          .columns(['referral_id', 'kind', 'created_at'])
          .execute();
        return;
      }
      const existing = (await db.introspection.getTables()).find((t) => t.name === 'notifications');
      const has = (name: string) => existing?.columns.some((c) => c.name === name) ?? false;
      const kept = ['id', 'user_id', 'kind', 'referral_id', 'created_at', 'read_at', 'dedupe_key'];
      let rebuilt = db.schema
        .createTable('notifications_0011')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique());
      if (has('emergency_access_id')) {
        kept.push('emergency_access_id');
        rebuilt = rebuilt.addColumn('emergency_access_id', 'text', (c) =>
          c.references('emergency_access.id'),
        );
      }
      if (has('approval_id')) {
        kept.push('approval_id');
        rebuilt = rebuilt.addColumn('approval_id', 'text', (c) => c.references('approval_requests.id'));
      }
      if (has('family_id')) {
        kept.push('family_id');
        rebuilt = rebuilt.addColumn('family_id', 'text', (c) => c.references('families.id'));
      }
      await rebuilt
        .addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS))
        .execute();
      const columns = sql.join(kept.map((c) => sql.ref(c)));
      await sql`insert into notifications_0011 (${columns}) select ${columns} from notifications`.execute(db);
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('notifications_0011').renameTo('notifications').execute();
      await db.schema
        .createIndex('notifications_user_idx')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('notifications_referral_kind_idx')
        .on('notifications')
        .columns(['referral_id', 'kind', 'created_at'])
        .execute();
    },
  };
}
