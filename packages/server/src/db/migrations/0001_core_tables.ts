import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList, isBool } from './check.ts';

const ROLES = ['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager', 'analyst'];
const CAREGIVER_ROLES = [
  'mother',
  'father',
  'co_parent',
  'foster_parent',
  'adoptive_parent',
  'step_parent',
  'grandparent',
  'guardian',
  'other',
];
const CONTACT_TYPES = ['consult', 'home_visit', 'phone', 'prenatal_visit'];
const BANDS = ['safe', 'insecure', 'problematic_suspected', 'unclear'];

/**
 * Every table of schema.ts except the audit log. Types are the common ground of SQLite and PostgreSQL (text,
 * integer, double precision); foreign keys without ON DELETE CASCADE on purpose: a family's record is kept,
 * never deleted by accident through a parent row.
 */
export function coreTables(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('organisations_region_check', inList('region', ['nl', 'be']))
        .addCheckConstraint('organisations_kind_check', inList('kind', ['jgz', 'partner']))
        .execute();

      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('teams_organisation_idx').on('teams').column('organisation_id').execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enrolled_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('disabled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        // Stored lowercased, so `where email = ?` with a lowercased address is the whole lookup, on both dialects.
        .addCheckConstraint('users_email_lowercase_check', sql`email = lower(email)`)
        .addCheckConstraint('users_role_check', inList('role', ROLES))
        .addCheckConstraint('users_is_demo_check', isBool('is_demo'))
        .addCheckConstraint('users_must_change_password_check', isBool('must_change_password'))
        .execute();
      await db.schema.createIndex('users_email_key').on('users').column('email').unique().execute();
      await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute();
      await db.schema.createIndex('users_team_idx').on('users').column('team_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('client_ip', 'text')
        .addCheckConstraint('sessions_stage_check', inList('stage', ['full', 'mfa_pending', 'enrol_pending']))
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('families')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('postcode', 'text')
        .addColumn('municipality', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('families_organisation_name_idx')
        .on('families')
        .columns(['organisation_id', 'name'])
        .execute();

      await db.schema
        .createTable('persons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('given_name', 'text', (c) => c.notNull())
        .addColumn('family_name', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text')
        .addColumn('due_date', 'text')
        .addColumn('first_child', 'integer')
        .addColumn('caregiver_role', 'text')
        .addColumn('birth_year', 'integer')
        .addColumn('low_education', 'integer')
        .addColumn('phone', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('persons_kind_check', inList('kind', ['child', 'caregiver']))
        .addCheckConstraint(
          'persons_caregiver_role_check',
          sql`caregiver_role is null or ${inList('caregiver_role', CAREGIVER_ROLES)}`,
        )
        // A child is either born (birth date) or unborn (due date), never both or neither.
        .addCheckConstraint(
          'persons_child_dates_check',
          sql`kind <> 'child' or (birth_date is null and due_date is not null) or (birth_date is not null and due_date is null)`,
        )
        .execute();
      await db.schema.createIndex('persons_family_idx').on('persons').column('family_id').execute();
      // Search by a child's birth or due date.
      await db.schema.createIndex('persons_birth_date_idx').on('persons').column('birth_date').execute();
      await db.schema.createIndex('persons_due_date_idx').on('persons').column('due_date').execute();

      await db.schema
        .createTable('care_relationships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'care_relationships_holder_check',
          sql`user_id is not null or team_id is not null`,
        )
        .execute();
      // "Which families may this user / team see" (worklist) and "who may see this family" (every access check).
      await db.schema
        .createIndex('care_relationships_user_idx')
        .on('care_relationships')
        .columns(['user_id', 'family_id'])
        .execute();
      await db.schema
        .createIndex('care_relationships_team_idx')
        .on('care_relationships')
        .columns(['team_id', 'family_id'])
        .execute();
      await db.schema
        .createIndex('care_relationships_family_idx')
        .on('care_relationships')
        .column('family_id')
        .execute();

      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('child_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('child_age_months', 'double precision')
        .addColumn('gestation_weeks', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('contacts_type_check', inList('type', CONTACT_TYPES))
        .addCheckConstraint('contacts_status_check', inList('status', ['draft', 'final']))
        .execute();
      await db.schema
        .createIndex('contacts_family_date_idx')
        .on('contacts')
        .columns(['family_id', 'date'])
        .execute();

      await db.schema
        .createTable('observations')
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('observations_pk', ['contact_id', 'kind', 'code'])
        .addCheckConstraint('observations_kind_check', inList('kind', ['cue', 'factor', 'criterion']))
        .addCheckConstraint(
          'observations_value_check',
          inList('value', ['true', 'present', 'absent', 'unknown']),
        )
        .addCheckConstraint(
          'observations_reported_by_check',
          inList('reported_by', ['parent', 'professional']),
        )
        // The most numerous rows, always read by contact: on SQLite stored in primary-key order, one b-tree
        // instead of a table plus an index (half the work per insert).
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();

      await db.schema
        .createTable('assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('knowledge_version', 'text', (c) => c.notNull())
        .addColumn('input_json', 'text', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('suggested_band', 'text', (c) => c.notNull())
        .addColumn('agreed_band', 'text')
        .addColumn('agreed_note', 'text')
        .addColumn('cumulative_risk', 'integer', (c) => c.notNull())
        .addColumn('refer_outside', 'integer', (c) => c.notNull())
        .addColumn('safety_concern', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('assessments_suggested_band_check', inList('suggested_band', BANDS))
        .addCheckConstraint(
          'assessments_agreed_band_check',
          sql`agreed_band is null or ${inList('agreed_band', BANDS)}`,
        )
        .addCheckConstraint('assessments_cumulative_risk_check', isBool('cumulative_risk'))
        .addCheckConstraint('assessments_refer_outside_check', isBool('refer_outside'))
        .addCheckConstraint('assessments_safety_concern_check', isBool('safety_concern'))
        .execute();
      // The worklist's flags come from each family's latest assessment.
      await db.schema
        .createIndex('assessments_family_created_idx')
        .on('assessments')
        .columns(['family_id', 'created_at'])
        .execute();
      await db.schema.createIndex('assessments_contact_idx').on('assessments').column('contact_id').execute();

      await db.schema
        .createTable('agreements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('next_topic', 'text')
        .addColumn('next_topic_permission', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('extra_contact', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('follow_up_due', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('agreements_status_check', inList('status', ['open', 'done']))
        .addCheckConstraint('agreements_next_topic_permission_check', isBool('next_topic_permission'))
        .addCheckConstraint('agreements_extra_contact_check', isBool('extra_contact'))
        .execute();
      // A family's open agreements and its next follow-up (worklist).
      await db.schema
        .createIndex('agreements_family_status_due_idx')
        .on('agreements')
        .columns(['family_id', 'status', 'follow_up_due'])
        .execute();
      await db.schema.createIndex('agreements_contact_idx').on('agreements').column('contact_id').execute();

      await db.schema
        .createTable('instrument_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('child_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
        .addColumn('instrument_id', 'text', (c) => c.notNull())
        .addColumn('definition_version', 'text', (c) => c.notNull())
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('score_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('instrument_responses_family_idx')
        .on('instrument_responses')
        .column('family_id')
        .execute();

      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('given_by', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('scope', 'text')
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('consents_family_idx').on('consents').column('family_id').execute();

      await db.schema
        .createTable('emergency_access')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
        .addColumn('reviewed_at', 'text')
        .execute();
      await db.schema
        .createIndex('emergency_access_user_family_idx')
        .on('emergency_access')
        .columns(['user_id', 'family_id', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('emergency_access_family_idx')
        .on('emergency_access')
        .column('family_id')
        .execute();
      // The review queue: emergency accesses nobody has looked at yet.
      await db.schema
        .createIndex('emergency_access_review_idx')
        .on('emergency_access')
        .columns(['reviewed_at', 'started_at'])
        .execute();
    },
  };
}
