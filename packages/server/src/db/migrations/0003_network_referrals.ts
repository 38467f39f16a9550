import { type Kysely, type Migration, sql } from 'kysely';
import { inList, isBool } from './check.ts';

const REFERRAL_STATUSES = ['draft', 'sent', 'received', 'accepted', 'declined', 'in_care', 'closed'];
const CHANNELS = ['nestwerk', 'phone', 'email', 'post'];
const FEEDBACK_SOURCES = ['nestwerk', 'phone', 'email', 'post', 'meeting'];
const NOTIFICATION_KINDS = [
  'referral_received',
  'feedback_received',
  'feedback_overdue',
  'consent_withdrawn',
  'referral_status',
];

/**
 * Social map, referrals with their status history and feedback, notifications, the care network around a
 * family and the safety route. Partner kinds and intervention codes are not CHECKed here: the
 * knowledge adds codes over time, the application validates them.
 */
export function networkReferrals(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('website', 'text')
        .addColumn('intake_phone', 'text')
        .addColumn('intake_email', 'text')
        .addColumn('nestwerk_organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('registration_note', 'text')
        .addColumn('feedback_days', 'integer')
        .addColumn('data_exchange', 'text')
        .addColumn('reachability', 'text')
        .addColumn('note', 'text')
        .addColumn('archived_at', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('partners_country_check', inList('country', ['nl', 'be']))
        .addCheckConstraint(
          'partners_feedback_days_check',
          sql`feedback_days is null or (feedback_days >= 1 and feedback_days <= 365)`,
        )
        .execute();
      await db.schema
        .createIndex('partners_organisation_name_idx')
        .on('partners')
        .columns(['organisation_id', 'name'])
        .execute();

      await db.schema
        .createTable('partner_municipalities')
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
        .addColumn('municipality', 'text', (c) => c.notNull())
        .addColumn('municipality_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('partner_municipalities_pk', ['partner_id', 'municipality_key'])
        .execute();
      await db.schema
        .createIndex('partner_municipalities_key_idx')
        .on('partner_municipalities')
        .column('municipality_key')
        .execute();

      await db.schema
        .createTable('partner_interventions')
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
        .addColumn('intervention_code', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('partner_interventions_pk', ['partner_id', 'intervention_code'])
        .execute();
      await db.schema
        .createIndex('partner_interventions_code_idx')
        .on('partner_interventions')
        .column('intervention_code')
        .execute();

      await db.schema
        .createTable('referrals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('child_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
        .addColumn('recommendation_id', 'text')
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('receiver_organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('referrer_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('referrer_phone', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('criteria_json', 'text', (c) => c.notNull())
        .addColumn('imh_reasons_json', 'text', (c) => c.notNull())
        .addColumn('reason_text', 'text')
        .addColumn('interventions_json', 'text', (c) => c.notNull())
        .addColumn('cues_json', 'text', (c) => c.notNull())
        .addColumn('factors_json', 'text', (c) => c.notNull())
        .addColumn('parent_wishes', 'text')
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('consent_id', 'text', (c) => c.references('consents.id'))
        .addColumn('no_consent_json', 'text')
        .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
        .addColumn('confirmed_at', 'text')
        .addColumn('shared_json', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('sent_by', 'text', (c) => c.references('users.id'))
        .addColumn('feedback_due', 'text')
        .addColumn('feedback_received_at', 'text')
        .addColumn('decline_reason', 'text')
        .addColumn('intake_date', 'text')
        .addColumn('consent_withdrawn_at', 'text')
        .addColumn('first_signal_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('referrals_status_check', inList('status', REFERRAL_STATUSES))
        .addCheckConstraint('referrals_channel_check', sql`channel is null or ${inList('channel', CHANNELS)}`)
        .addCheckConstraint('referrals_basis_check', inList('basis', ['consent', 'no_consent']))
        // A referral rests on a consent, or on the no-consent route: never on nothing.
        .addCheckConstraint(
          'referrals_basis_consent_check',
          sql`basis <> 'consent' or consent_id is not null`,
        )
        // Once sent, what went to the receiver is frozen with it.
        .addCheckConstraint(
          'referrals_sent_snapshot_check',
          sql`status = 'draft' or (shared_json is not null and sent_at is not null) or (status = 'closed' and sent_at is null)`,
        )
        .execute();
      // The intake queue of a receiving organisation, newest first (bench: api.referral_inbox.p95_ms):
      // covering, so a page and its total come from the index alone, whatever the status filter.
      await db.schema
        .createIndex('referrals_receiver_sent_idx')
        .on('referrals')
        .columns(['receiver_organisation_id', 'sent_at', 'id', 'status'])
        .execute();
      await db.schema
        .createIndex('referrals_family_idx')
        .on('referrals')
        .columns(['family_id', 'created_at'])
        .execute();
      // Overdue feedback: per referrer (notifications) and per family (worklist).
      await db.schema
        .createIndex('referrals_feedback_due_idx')
        .on('referrals')
        .columns(['referrer_id', 'feedback_due'])
        .execute();
      await db.schema.createIndex('referrals_consent_idx').on('referrals').column('consent_id').execute();
      await db.schema.createIndex('referrals_partner_idx').on('referrals').column('partner_id').execute();

      await db.schema
        .createTable('referral_status_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('by_organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('note', 'text')
        .addCheckConstraint('referral_status_history_status_check', inList('status', REFERRAL_STATUSES))
        .execute();
      await db.schema
        .createIndex('referral_status_history_referral_idx')
        .on('referral_status_history')
        .columns(['referral_id', 'at'])
        .execute();

      await db.schema
        .createTable('referral_feedback')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
        .addColumn('author_organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('referral_feedback_source_check', inList('source', FEEDBACK_SOURCES))
        .execute();
      await db.schema
        .createIndex('referral_feedback_referral_idx')
        .on('referral_feedback')
        .columns(['referral_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addCheckConstraint('notifications_kind_check', inList('kind', NOTIFICATION_KINDS))
        .execute();
      await db.schema
        .createIndex('notifications_user_idx')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('care_network_members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organisation', 'text')
        .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('coordinator', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addColumn('removed_by', 'text', (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('care_network_members_coordinator_check', isBool('coordinator'))
        .execute();
      await db.schema
        .createIndex('care_network_members_family_idx')
        .on('care_network_members')
        .column('family_id')
        .execute();
      // Exactly one coordinator among the current members: two concurrent appointments cannot both commit.
      await db.schema
        .createIndex('care_network_members_one_coordinator_key')
        .on('care_network_members')
        .column('family_id')
        .unique()
        .where(sql.ref('coordinator'), '=', 1)
        .where(sql.ref('removed_at'), 'is', null)
        .execute();

      await db.schema
        .createTable('safety_routes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('family_id', 'text', (c) => c.notNull().references('families.id'))
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('route', 'text', (c) => c.notNull())
        .addColumn('concerns_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decision_json', 'text')
        .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('closed_by', 'text', (c) => c.references('users.id'))
        .addColumn('closed_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('safety_routes_region_check', inList('region', ['nl', 'be']))
        .addCheckConstraint('safety_routes_status_check', inList('status', ['open', 'closed']))
        .execute();
      await db.schema
        .createIndex('safety_routes_family_idx')
        .on('safety_routes')
        .columns(['family_id', 'opened_at'])
        .execute();
      // One open route per family at a time.
      await db.schema
        .createIndex('safety_routes_one_open_key')
        .on('safety_routes')
        .column('family_id')
        .unique()
        .where(sql.ref('status'), '=', 'open')
        .execute();

      await db.schema
        .createTable('safety_route_steps')
        .addColumn('route_id', 'text', (c) => c.notNull().references('safety_routes.id'))
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('answers_json', 'text')
        .addPrimaryKeyConstraint('safety_route_steps_pk', ['route_id', 'step'])
        .addCheckConstraint('safety_route_steps_step_check', sql`step >= 1 and step <= 5`)
        .execute();
    },
  };
}
