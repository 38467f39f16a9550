import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList, isBool } from './check.ts';

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
  'parent_self_report',
];
const INSTRUMENTS = ['whooley', 'gad_2', 'gad_7', 'phq_9', 'epds'];
const OUTCOMES = ['no_concern', 'screen_further', 'rescreen', 'clinical_assessment', 'urgent'];

/**
 * The parent portal. Parents are not users: they get their own accounts and sessions (own cookie, own idle
 * limit), so nothing that accepts a professional session can accept theirs. Invitations are stored as a hash
 * of the code. A caregiver's parental authority is recorded on the person; a caregiver can be named in a
 * safety route. A parent's own Whooley/GAD-2 answers are stored as that caregiver's screening with source
 * `parent` — `created_by` then holds the parent account, so its reference to users goes. A notification kind
 * tells the nurse about a self-report with risk answers.
 */
export function parentPortal(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('persons').addColumn('parental_authority', 'integer').execute();
      await db.schema
        .alterTable('organisations')
        .addColumn('portal_show_names', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('parent_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().unique().references('persons.id'))
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enrolled_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('suspended_at', 'text')
        .addColumn('suspended_reason', 'text')
        .addColumn('suspended_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('parent_accounts_is_demo_check', isBool('is_demo'))
        .execute();
      await sql`create unique index parent_accounts_email_idx on parent_accounts (lower(email))`.execute(db);

      await db.schema
        .createTable('parent_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.notNull().references('parent_accounts.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('client_ip', 'text')
        .addCheckConstraint('parent_sessions_stage_check', inList('stage', ['full', 'enrol_pending']))
        .execute();
      await db.schema
        .createIndex('parent_sessions_parent_idx')
        .on('parent_sessions')
        .column('parent_id')
        .execute();

      await db.schema
        .createTable('portal_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('portal_invitations_person_idx')
        .on('portal_invitations')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('parent_self_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('parent_id', 'text', (c) => c.notNull().references('parent_accounts.id'))
        .addColumn('child_id', 'text', (c) => c.references('persons.id'))
        .addColumn('how_are_you', 'text')
        .addColumn('how_is_child', 'text')
        .addColumn('want_to_discuss', 'text')
        .addColumn('whooley_json', 'text')
        .addColumn('gad2_json', 'text')
        .addColumn('outcome', 'text')
        .addColumn('risk', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('parent_self_reports_risk_check', isBool('risk'))
        .execute();
      await db.schema
        .createIndex('parent_self_reports_family_idx')
        .on('parent_self_reports')
        .columns(['family_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('portal_held_back')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'portal_held_back_kind_check',
          inList('kind', ['contact', 'agreement', 'referral']),
        )
        .execute();
      await db.schema
        .createIndex('portal_held_back_subject_idx')
        .on('portal_held_back')
        .columns(['family_id', 'kind', 'subject_id'])
        .unique()
        .execute();

      await db.schema
        .createTable('safety_route_persons')
        .addColumn('route_id', 'text', (c) => c.notNull().references('safety_routes.id'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('flagged_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('flagged_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('safety_route_persons_pk', ['route_id', 'person_id'])
        .execute();

      if (dialect === 'postgres') {
        await sql`alter table parent_screenings drop constraint parent_screenings_created_by_fkey`.execute(
          db,
        );
        await sql`alter table parent_screenings add column source text not null default 'professional'`.execute(
          db,
        );
        await sql`alter table parent_screenings add constraint parent_screenings_source_check check (${inList(
          'source',
          ['professional', 'parent'],
        )})`.execute(db);
        await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
        await sql`alter table notifications add constraint notifications_kind_check check (${inList(
          'kind',
          NOTIFICATION_KINDS,
        )})`.execute(db);
        return;
      }
      await rebuildScreenings(db);
      await rebuildNotifications(db);
    },
  };
}

/** SQLite cannot drop a reference or add a CHECK in place: the table is rebuilt with its rows and index. */
async function rebuildScreenings(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('parent_screenings_0016')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('item10', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    // A user's id, or a parent account's when source is 'parent'.
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('professional'))
    .addCheckConstraint('parent_screenings_instrument_check', inList('instrument', INSTRUMENTS))
    .addCheckConstraint('parent_screenings_outcome_check', inList('outcome', OUTCOMES))
    .addCheckConstraint('parent_screenings_source_check', inList('source', ['professional', 'parent']))
    .execute();
  const columns = sql.join(
    [
      'id',
      'family_id',
      'person_id',
      'contact_id',
      'instrument',
      'date',
      'answers_json',
      'total',
      'item10',
      'outcome',
      'result_json',
      'created_by',
      'created_at',
    ].map((c) => sql.ref(c)),
  );
  await sql`insert into parent_screenings_0016 (${columns}) select ${columns} from parent_screenings`.execute(
    db,
  );
  await db.schema.dropTable('parent_screenings').execute();
  await db.schema.alterTable('parent_screenings_0016').renameTo('parent_screenings').execute();
  await db.schema
    .createIndex('parent_screenings_family_date_idx')
    .on('parent_screenings')
    .columns(['family_id', 'date'])
    .execute();
  await db.schema
    .createIndex('parent_screenings_outcome_date_idx')
    .on('parent_screenings')
    .columns(['outcome', 'date'])
    .execute();
}

async function rebuildNotifications(db: Kysely<unknown>): Promise<void> {
  const existing = (await db.introspection.getTables()).find((t) => t.name === 'notifications');
  const has = (name: string) => existing?.columns.some((c) => c.name === name) ?? false;
  const kept = ['id', 'user_id', 'kind', 'referral_id', 'created_at', 'read_at', 'dedupe_key'];
  let rebuilt = db.schema
    .createTable('notifications_0016')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique());
  if (has('emergency_access_id')) {
    kept.push('emergency_access_id');
    rebuilt = rebuilt.addColumn('emergency_access_id', 'text', (c) => c.references('emergency_access.id'));
  }
  if (has('approval_id')) {
    kept.push('approval_id');
    rebuilt = rebuilt.addColumn('approval_id', 'text', (c) => c.references('approval_requests.id'));
  }
  if (has('family_id')) {
    kept.push('family_id');
    rebuilt = rebuilt.addColumn('family_id', 'text', (c) => c.references('families.id'));
  }
  await rebuilt.addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS)).execute();
  const columns = sql.join(kept.map((c) => sql.ref(c)));
  await sql`insert into notifications_0016 (${columns}) select ${columns} from notifications`.execute(db);
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('notifications_0016').renameTo('notifications').execute();
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
}
