import type { ConsentTable, EmergencyAccessTable } from './schema/access.ts';
import type { AuditListedFoldedTable, AuditLogListedTable, AuditLogTable } from './schema/audit.ts';
import type {
  AgreementTable,
  AssessmentTable,
  ContactTable,
  InstrumentResponseTable,
  ObservationTable,
  ParentFactorObservationTable,
  ParentScreeningTable,
  PerinatalThresholdsTable,
} from './schema/contacts.ts';
import type { DashboardCountTable, DashboardRefreshTable } from './schema/dashboard.ts';
import type {
  CareRelationshipTable,
  FamilyTable,
  FamilyTransferTable,
  PersonTable,
} from './schema/families.ts';
import type { FamilyImportTable, ImportedRecordTable } from './schema/imports.ts';
import type {
  CareNetworkMemberTable,
  NotificationTable,
  PartnerInterventionTable,
  PartnerMunicipalityTable,
  PartnerTable,
  ReferralFeedbackTable,
  ReferralStatusHistoryTable,
  ReferralTable,
  SafetyRoutePersonTable,
  SafetyRouteStepTable,
  SafetyRouteTable,
} from './schema/network.ts';
import type {
  ParentAccountTable,
  ParentPasskeyChallengeTable,
  ParentPasskeyTable,
  ParentSelfReportTable,
  ParentSessionTable,
  PortalHeldBackTable,
  PortalInvitationTable,
  PortalOidcFlowTable,
} from './schema/portal.ts';
import type {
  ApprovalRequestTable,
  OrganisationTable,
  RateLimitTable,
  RecoveryCodeTable,
  SessionTable,
  TeamTable,
  UserTable,
} from './schema/staff.ts';

export type * from './schema/access.ts';
export type * from './schema/audit.ts';
export type * from './schema/contacts.ts';
export type * from './schema/dashboard.ts';
export type * from './schema/families.ts';
export type * from './schema/imports.ts';
export type * from './schema/network.ts';
export type * from './schema/portal.ts';
export type * from './schema/staff.ts';

/**
 * The tables of Nestwerk, shared by SQLite and PostgreSQL. Conventions that make one set of migrations work
 * on both:
 * - ids are text (UUID v7 from the application, so they sort by creation time);
 * - timestamps are ISO-8601 UTC text (`2026-11-23T10:15:00.000Z`), dates are `YYYY-MM-DD` text;
 * - booleans are integers 0/1;
 * - JSON is stored as text and parsed by the repository that owns it;
 * - rows a user edits carry `version`, for optimistic locking (409 on a stale version).
 */
export interface Database {
  organisations: OrganisationTable;
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  rate_limits: RateLimitTable;
  recovery_codes: RecoveryCodeTable;
  families: FamilyTable;
  persons: PersonTable;
  care_relationships: CareRelationshipTable;
  contacts: ContactTable;
  observations: ObservationTable;
  parent_factor_observations: ParentFactorObservationTable;
  parent_screenings: ParentScreeningTable;
  perinatal_thresholds: PerinatalThresholdsTable;
  assessments: AssessmentTable;
  agreements: AgreementTable;
  instrument_responses: InstrumentResponseTable;
  consents: ConsentTable;
  emergency_access: EmergencyAccessTable;
  audit_log: AuditLogTable;
  audit_log_listed: AuditLogListedTable;
  audit_listed_folded: AuditListedFoldedTable;
  partners: PartnerTable;
  partner_municipalities: PartnerMunicipalityTable;
  partner_interventions: PartnerInterventionTable;
  referrals: ReferralTable;
  referral_status_history: ReferralStatusHistoryTable;
  referral_feedback: ReferralFeedbackTable;
  notifications: NotificationTable;
  care_network_members: CareNetworkMemberTable;
  safety_routes: SafetyRouteTable;
  safety_route_steps: SafetyRouteStepTable;
  approval_requests: ApprovalRequestTable;
  dashboard_counts: DashboardCountTable;
  dashboard_refresh: DashboardRefreshTable;
  family_transfers: FamilyTransferTable;
  family_imports: FamilyImportTable;
  imported_records: ImportedRecordTable;
  parent_accounts: ParentAccountTable;
  parent_sessions: ParentSessionTable;
  portal_oidc_flows: PortalOidcFlowTable;
  parent_passkeys: ParentPasskeyTable;
  parent_passkey_challenges: ParentPasskeyChallengeTable;
  portal_invitations: PortalInvitationTable;
  parent_self_reports: ParentSelfReportTable;
  portal_held_back: PortalHeldBackTable;
  safety_route_persons: SafetyRoutePersonTable;
}
