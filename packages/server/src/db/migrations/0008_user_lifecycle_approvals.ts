import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

/** 0007's kinds plus the four-eyes notices; frozen here like every migration's lists. */
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
];
const REQUEST_KINDS = ['create_user', 'reset_credentials', 'change_assignment', 'enable_user'];
const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'];
const APPROVER_ROLES = ['team_lead', 'application_manager'];

/**
 * Four eyes on privileged user administration: a clinical account, a credential reset, a role or team change
 * and re-enabling a clinical account are stored as a request that a second person approves before it takes
 * effect. Who may approve is fixed when the request is made (`approver_role`, and `approver_team_id` when
 * only that team's lead may), so a later change of teams cannot widen it. A user-creating request carries
 * the new account in `payload_json`; no user row exists until approval.
 *
 * Notifications may point at the request (`approval_id`), with the new kinds in the CHECK. Care
 * relationships already have `end_date`; ending one is an update, recorded in the audit log.
 */
export function userLifecycleApprovals(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('approval_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('approver_role', 'text', (c) => c.notNull())
        .addColumn('approver_team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_note', 'text')
        .addCheckConstraint('approval_requests_kind_check', inList('kind', REQUEST_KINDS))
        .addCheckConstraint('approval_requests_status_check', inList('status', REQUEST_STATUSES))
        .addCheckConstraint('approval_requests_approver_check', inList('approver_role', APPROVER_ROLES))
        // The database itself refuses a request decided by the one who made it.
        .addCheckConstraint(
          'approval_requests_four_eyes_check',
          sql`decided_by is null or decided_by <> requested_by or status = 'cancelled'`,
        )
        .execute();
      await db.schema
        .createIndex('approval_requests_org_status_idx')
        .on('approval_requests')
        .columns(['organisation_id', 'status', 'requested_at'])
        .execute();
      await db.schema
        .createIndex('approval_requests_target_idx')
        .on('approval_requests')
        .columns(['target_user_id', 'status'])
        .execute();

      if (dialect === 'postgres') {
        await db.schema
          .alterTable('notifications')
          .addColumn('approval_id', 'text', (c) => c.references('approval_requests.id'))
          .execute();
        await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
        await sql`alter table notifications add constraint notifications_kind_check check (${inList(
          'kind',
          NOTIFICATION_KINDS,
        )})`.execute(db);
        return;
      }
      // SQLite cannot change a CHECK in place: rebuild the table (nothing references notifications), keeping
      // the columns earlier migrations added.
      const existing = (await db.introspection.getTables()).find((t) => t.name === 'notifications');
      const kept = ['id', 'user_id', 'kind', 'referral_id', 'created_at', 'read_at', 'dedupe_key'];
      const withEmergency = existing?.columns.some((c) => c.name === 'emergency_access_id') ?? false;
      if (withEmergency) kept.push('emergency_access_id');
      let rebuilt = db.schema
        .createTable('notifications_0008')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique());
      if (withEmergency)
        rebuilt = rebuilt.addColumn('emergency_access_id', 'text', (c) =>
          c.references('emergency_access.id'),
        );
      await rebuilt
        .addColumn('approval_id', 'text', (c) => c.references('approval_requests.id'))
        .addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS))
        .execute();
      const columns = sql.join(kept.map((c) => sql.ref(c)));
      await sql`insert into notifications_0008 (${columns}) select ${columns} from notifications`.execute(db);
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('notifications_0008').renameTo('notifications').execute();
      await db.schema
        .createIndex('notifications_user_idx')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  };
}
