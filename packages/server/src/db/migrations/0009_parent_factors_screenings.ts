import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

const INSTRUMENTS = ['whooley', 'gad_2', 'gad_7', 'phq_9', 'epds'];
const OUTCOMES = ['no_concern', 'screen_further', 'rescreen', 'clinical_assessment', 'urgent'];
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
];

/**
 * Parents as persons: parent-level factors recorded per caregiver at a contact, parents' perinatal screenings,
 * the organisation's perinatal thresholds, and a notification kind (with the family it concerns) for an urgent
 * screening.
 *
 * Per-parent factors get a table of their own rather than a person column on `observations`: that table's
 * primary key is (contact, kind, code) and on SQLite it is WITHOUT ROWID, so its key columns cannot be null
 * and two parents with the same code would collide. Existing factor rows stay where they are and keep their
 * meaning ("a parent, not known which"); nothing is moved.
 *
 * Notifications gain `family_id` and the new kind: PostgreSQL alters the table, SQLite (which cannot change a
 * CHECK constraint) rebuilds it keeping every column earlier migrations added.
 */
export function parentFactorsScreenings(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('parent_factor_observations')
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('parent_factor_observations_pk', ['contact_id', 'person_id', 'code'])
        .addCheckConstraint(
          'parent_factor_observations_value_check',
          inList('value', ['present', 'absent', 'unknown']),
        )
        .addCheckConstraint(
          'parent_factor_observations_reported_by_check',
          inList('reported_by', ['parent', 'professional']),
        )
        .execute();

      await db.schema
        .createTable('parent_screenings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        // What was answered, as given: {answers} | {total} | {items} | {total, item10}.
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('total', 'integer')
        .addColumn('item10', 'integer')
        .addColumn('outcome', 'text', (c) => c.notNull())
        // The engine's reasons, next step and sources, and the thresholds they were computed with.
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('parent_screenings_instrument_check', inList('instrument', INSTRUMENTS))
        .addCheckConstraint('parent_screenings_outcome_check', inList('outcome', OUTCOMES))
        .execute();
      await db.schema
        .createIndex('parent_screenings_family_date_idx')
        .on('parent_screenings')
        .columns(['family_id', 'date'])
        .execute();

      await db.schema
        .createTable('perinatal_thresholds')
        .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
        .addColumn('thresholds_json', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      if (dialect === 'postgres') {
        await db.schema
          .alterTable('notifications')
          .addColumn('family_id', 'text', (c) => c.references('families.id'))
          .execute();
        await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
        await sql`alter table notifications add constraint notifications_kind_check check (${inList(
          'kind',
          NOTIFICATION_KINDS,
        )})`.execute(db);
        return;
      }
      // SQLite cannot change a CHECK in place: rebuild the table, keeping every column earlier migrations added.
      const existing = (await db.introspection.getTables()).find((t) => t.name === 'notifications');
      const has = (name: string) => existing?.columns.some((c) => c.name === name) ?? false;
      const kept = ['id', 'user_id', 'kind', 'referral_id', 'created_at', 'read_at', 'dedupe_key'];
      let rebuilt = db.schema
        .createTable('notifications_0009')
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
      await rebuilt
        .addColumn('family_id', 'text', (c) => c.references('families.id'))
        .addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS))
        .execute();
      const columns = sql.join(kept.map((c) => sql.ref(c)));
      await sql`insert into notifications_0009 (${columns}) select ${columns} from notifications`.execute(db);
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('notifications_0009').renameTo('notifications').execute();
      await db.schema
        .createIndex('notifications_user_idx')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  };
}
