import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../connect.ts';
import { coreTables } from './0001_core_tables.ts';
import { auditLog } from './0002_audit_log.ts';
import { networkReferrals } from './0003_network_referrals.ts';
import { referralInboxCount } from './0004_referral_inbox_count.ts';
import { type MigrationContext, secretsAtRest } from './0005_secrets_at_rest.ts';
import { auditKeyId } from './0006_audit_key_id.ts';
import { consentScopeEmergency } from './0007_consent_scope_emergency.ts';
import { userLifecycleApprovals } from './0008_user_lifecycle_approvals.ts';
import { parentFactorsScreenings } from './0009_parent_factors_screenings.ts';
import { contactCompleteness } from './0010_contact_completeness.ts';
import { feedbackReminder } from './0011_feedback_reminder.ts';
import { searchKeys } from './0012_search_keys.ts';
import { dashboardAggregates } from './0014_dashboard_aggregates.ts';
import { nationalIds } from './0015_national_ids.ts';
import { parentPortal } from './0016_parent_portal.ts';
import { familyTransfer } from './0017_family_transfer.ts';
import { coveringIndexes } from './0018_covering_indexes.ts';
import { parentPasskeys } from './0019_parent_passkeys.ts';
import { parentCitizenLogin } from './0020_parent_citizen_login.ts';
import { importedRecords } from './0021_imported_records.ts';
import { assessmentBalanceSummary } from './0023_assessment_balance_summary.ts';
import { auditChainHeight } from './0024_audit_chain_height.ts';
import { auditListedFamilies } from './0025_audit_listed_families.ts';
import { auditListedFolded } from './0026_audit_listed_folded.ts';
import { referralFeedbackOpen } from './0027_referral_feedback_open.ts';
import { assessmentTallyByLevel } from './0028_assessment_tally_by_level.ts';
import { familyNextFollowUp } from './0029_family_next_follow_up.ts';
import { listDetailIndexes } from './0030_list_detail_indexes.ts';
import { passkeyNames } from './0031_passkey_names.ts';

/**
 * All migrations, in code rather than found by scanning a folder: nothing to miss when the app is packaged,
 * and each may depend on the dialect where SQL differs. Names sort in the order they run; never rename one
 * that has shipped, only add.
 */
const NO_KEY: MigrationContext = {
  secretsKey: () => {
    throw new Error('This migration needs the secrets key: pass it to migrateToLatest');
  },
};

export function migrations(dialect: Dialect, context: MigrationContext = NO_KEY): Record<string, Migration> {
  return {
    '0001_core_tables': coreTables(dialect),
    '0002_audit_log': auditLog(dialect),
    '0003_network_referrals': networkReferrals(),
    '0004_referral_inbox_count': referralInboxCount(),
    '0005_secrets_at_rest': secretsAtRest(context),
    '0006_audit_key_id': auditKeyId(),
    '0007_consent_scope_emergency': consentScopeEmergency(dialect),
    '0008_user_lifecycle_approvals': userLifecycleApprovals(dialect),
    '0009_parent_factors_screenings': parentFactorsScreenings(dialect),
    '0010_contact_completeness': contactCompleteness(),
    '0011_feedback_reminder': feedbackReminder(dialect),
    '0012_search_keys': searchKeys(),
    '0014_dashboard_aggregates': dashboardAggregates(),
    '0015_national_ids': nationalIds(),
    '0016_parent_portal': parentPortal(dialect),
    '0017_family_transfer': familyTransfer(),
    '0018_covering_indexes': coveringIndexes(),
    '0019_parent_passkeys': parentPasskeys(),
    '0020_parent_citizen_login': parentCitizenLogin(),
    '0021_imported_records': importedRecords(),
    // There is no 0022 (a number once reserved for a branch that never landed); names only sort in run order.
    '0023_assessment_balance_summary': assessmentBalanceSummary(dialect),
    '0024_audit_chain_height': auditChainHeight(dialect),
    '0025_audit_listed_families': auditListedFamilies(dialect),
    '0026_audit_listed_folded': auditListedFolded(dialect),
    '0027_referral_feedback_open': referralFeedbackOpen(),
    '0028_assessment_tally_by_level': assessmentTallyByLevel(dialect),
    '0029_family_next_follow_up': familyNextFollowUp(dialect),
    '0030_list_detail_indexes': listDetailIndexes(),
    '0031_passkey_names': passkeyNames(),
  };
}

export class InCodeMigrationProvider implements MigrationProvider {
  constructor(
    private readonly dialect: Dialect,
    private readonly context?: MigrationContext,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect, this.context);
  }
}
