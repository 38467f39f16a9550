import type {
  CaregiverRole,
  FeedbackSource,
  NotificationKind,
  ParentScreeningInstrument,
  ReferralChannel,
  ReferralStatus,
  ScreeningOutcome,
  SharingBasis,
} from '@nestwerk/knowledge';
import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of Nestwerk, shared by SQLite and PostgreSQL. Conventions that make one set of migrations work
 * on both:
 * - ids are text (UUID v7 from the application, so they sort by creation time);
 * - timestamps are ISO-8601 UTC text (`2026-11-23T10:15:00.000Z`), dates are `YYYY-MM-DD` text;
 * - booleans are integers 0/1;
 * - JSON is stored as text and parsed by the repository that owns it;
 * - rows a user edits carry `version`, for optimistic locking (409 on a stale version).
 */

type Timestamp = string;
type DateOnly = string;
type Bool = number;

export type Role = 'nurse' | 'physician' | 'team_lead' | 'imh_specialist' | 'application_manager' | 'analyst';

export interface OrganisationTable {
  id: string;
  name: string;
  region: 'nl' | 'be';
  /** A youth health care organisation, or a partner (IMH team, CGG) that receives referrals. */
  kind: 'jgz' | 'partner';
  /** The number parents call (printed on the parent tips); null when not set. */
  phone: string | null;
  /** The parent portal's access log names professionals (1) or shows only role and organisation (0, default). */
  portal_show_names: ColumnType<Bool, Bool | undefined, Bool>;
  created_at: Timestamp;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  team_id: string | null;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /**
   * Base32 TOTP secret sealed with AES-256-GCM (`enc:v1:…`, key outside the database, db/secrets.ts); set
   * when enrolment starts, `totp_enrolled_at` when the first code was verified.
   */
  totp_secret: string | null;
  totp_enrolled_at: Timestamp | null;
  /** Accounts made by `nestwerk demo`: the only ones that may log in without a second factor. */
  is_demo: Bool;
  must_change_password: Bool;
  failed_logins: number;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  version: number;
}

export interface SessionTable {
  /** SHA-256 of the session id: a stolen database copy does not yield live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  /** 'full' after password and (where required) TOTP; 'mfa_pending' / 'enrol_pending' between the steps. */
  stage: 'full' | 'mfa_pending' | 'enrol_pending';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client_ip: string | null;
}

/** Single-use codes for a lost authenticator, as SHA-256 of the normalised code (auth/recovery-codes.ts). */
export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

/** Login throttling shared by all server processes (keyed by e-mail and by client address). */
export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface FamilyTable {
  id: string;
  organisation_id: string;
  name: string;
  /** `name` lower-cased without diacritics, for search (db/search-key.ts); kept in step on every write. */
  search_key: string;
  postcode: string | null;
  municipality: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /**
   * The earliest follow-up due of the family's open agreements, null without one: kept by the database's
   * triggers on `agreements` (migration 0029), never written by the app, read by the worklist's sort.
   */
  next_follow_up: ColumnType<string | null, never, never>;
}

export type { CaregiverRole };

export interface PersonTable {
  id: string;
  family_id: string;
  kind: 'child' | 'caregiver';
  given_name: string;
  family_name: string;
  /** "given family" lower-cased without diacritics, for search (db/search-key.ts); kept in step on write. */
  search_key: string;
  /** Children: birth date when born, due date when unborn (exactly one is set). */
  birth_date: DateOnly | null;
  due_date: DateOnly | null;
  first_child: Bool | null;
  /** Caregivers only. */
  caregiver_role: CaregiverRole | null;
  birth_year: number | null;
  low_education: Bool | null;
  phone: string | null;
  /** BSN or INSZ, optional (migration 0015): sealed, found by its keyed digest, shown by its last digits. */
  national_id_system: 'bsn' | 'insz' | null;
  national_id_sealed: string | null;
  national_id_key: string | null;
  national_id_hint: string | null;
  /** Caregivers: parental authority as a professional recorded it (1/0); null while unrecorded. */
  parental_authority: ColumnType<Bool | null, Bool | null | undefined, Bool | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** Which professional or team looks after which family, and from when until when. */
export interface CareRelationshipTable {
  id: string;
  family_id: string;
  user_id: string | null;
  team_id: string | null;
  start_date: DateOnly;
  end_date: DateOnly | null;
  created_by: string;
  created_at: Timestamp;
}

export type ContactType = 'consult' | 'home_visit' | 'phone' | 'prenatal_visit';

export interface ContactTable {
  id: string;
  family_id: string;
  child_id: string;
  professional_id: string;
  type: ContactType;
  date: DateOnly;
  child_age_months: number | null;
  gestation_weeks: number | null;
  status: 'draft' | 'final';
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** A cue, factor or referral criterion recorded at a contact, and who said so. */
export interface ObservationTable {
  contact_id: string;
  kind: 'cue' | 'factor' | 'criterion';
  code: string;
  /** cues and criteria: 'true'; factors: 'present' | 'absent' | 'unknown'. */
  value: string;
  reported_by: 'parent' | 'professional';
  recorded_at: Timestamp;
}

/** A parent-level factor of one caregiver at a contact (family-level ones stay in observations). */
export interface ParentFactorObservationTable {
  contact_id: string;
  person_id: string;
  code: string;
  value: 'present' | 'absent' | 'unknown';
  reported_by: 'parent' | 'professional';
  recorded_at: Timestamp;
}

/** A parent's perinatal screening with the outcome the engine gave when it was recorded. */
export interface ParentScreeningTable {
  id: string;
  family_id: string;
  person_id: string;
  contact_id: string | null;
  instrument: ParentScreeningInstrument;
  date: DateOnly;
  answers_json: string;
  total: number | null;
  item10: number | null;
  outcome: ScreeningOutcome;
  result_json: string;
  /** The professional (users.id), or the parent account when `source` is 'parent'. */
  created_by: string;
  created_at: Timestamp;
  source: ColumnType<'professional' | 'parent', 'professional' | 'parent' | undefined, never>;
}

/** An organisation's perinatal thresholds; no row means the defaults. */
export interface PerinatalThresholdsTable {
  organisation_id: string;
  thresholds_json: string;
  updated_by: string;
  updated_at: Timestamp;
}

export type Band = 'safe' | 'insecure' | 'problematic_suspected' | 'unclear';

/** The engine's suggestion (recomputed on the server) and the estimate agreed with the parent. */
export interface AssessmentTable {
  id: string;
  contact_id: string;
  family_id: string;
  knowledge_version: string;
  input_json: string;
  result_json: string;
  suggested_band: Band;
  agreed_band: Band | null;
  /** The nurse recorded that the estimate was not discussed with the parent (defaults to 0). */
  agreed_band_not_discussed: Generated<Bool>;
  agreed_note: string | null;
  cumulative_risk: Bool;
  refer_outside: Bool;
  safety_concern: Bool;
  created_at: Timestamp;
  /**
   * The result's balance, counted (migration 0023): what the worklist shows, without parsing `result_json`.
   * Written with the result, from it (domain/contact-rows.ts `balanceSummary`); null where the result has no balance.
   */
  balance_hindering: number | null;
  balance_protective: number | null;
  balance_tilt: string | null;
  /**
   * The result's burdens and strengths per level, `balance.byLevel` (migration 0028): the family file's timeline
   * shows them per contact. Written like the counts above; null where the result has no such tally.
   */
  balance_parent_hindering: number | null;
  balance_parent_protective: number | null;
  balance_family_hindering: number | null;
  balance_family_protective: number | null;
  balance_child_hindering: number | null;
  balance_child_protective: number | null;
}

/** The six tallies per level stored beside a result (migration 0028), as the timeline reads them. */
export type LevelTallyColumns = Pick<
  AssessmentTable,
  | 'balance_parent_hindering'
  | 'balance_parent_protective'
  | 'balance_family_hindering'
  | 'balance_family_protective'
  | 'balance_child_hindering'
  | 'balance_child_protective'
>;

export interface AgreementTable {
  id: string;
  family_id: string;
  contact_id: string | null;
  text: string;
  /** The topic to return to at the next contact, only with the parent's permission. */
  next_topic: string | null;
  next_topic_permission: Bool;
  extra_contact: Bool;
  follow_up_due: DateOnly | null;
  status: 'open' | 'done';
  /** Set when a later contact's follow-up replaced this open one (it is then done). */
  superseded_by: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface InstrumentResponseTable {
  id: string;
  family_id: string;
  child_id: string;
  contact_id: string | null;
  instrument_id: string;
  definition_version: string;
  answers_json: string;
  score_json: string;
  created_by: string;
  created_at: Timestamp;
}

export interface ConsentTable {
  id: string;
  family_id: string;
  /** The caregiver (person) who gave consent. */
  given_by: string;
  purpose: string;
  /** The named recipient: the partner's name, or the person or practice within `recipient_kind`. */
  recipient: string;
  /** Free text of consents recorded before the scope was a list (legacy), now shown only. */
  scope: string | null;
  /** The receiver: a partner on the social map, or a partner kind with the named `recipient`. */
  recipient_partner_id: string | null;
  recipient_kind: string | null;
  /** The share items the parent agreed to (JSON array); NULL for a legacy consent, which carries nothing. */
  scope_items_json: string | null;
  given_at: Timestamp;
  valid_until: DateOnly | null;
  withdrawn_at: Timestamp | null;
  recorded_by: string;
  created_at: Timestamp;
  version: number;
}

/** "Break the glass": access without a care relationship, with a written reason, time-limited, reviewed later. */
export interface EmergencyAccessTable {
  id: string;
  user_id: string;
  family_id: string;
  reason: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  /** The grant this one renewed: a renewal is its own event, with its own reason and review. */
  renews_id: string | null;
}

/**
 * NEN 7513 audit log: append-only and hash-chained. `hash` = HMAC-SHA256 with the key `key_id` over the
 * canonical JSON of the row's other fields plus `prev_hash` (rows from before migration 0006: plain SHA-256,
 * key_id null); the first row's prev_hash is 64 zeros.
 */
export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: Timestamp;
  user_id: string | null;
  user_role: string | null;
  organisation_id: string | null;
  on_behalf_of: string | null;
  /** e.g. 'family.read', 'family.search', 'contact.write', 'export', 'login', 'access.denied', 'audit.read'. */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  purpose: string | null;
  /** 'care_relationship' | 'consent' | 'emergency' | 'admin' | 'none'. */
  basis: string | null;
  /** Emergency access: the written reason. */
  basis_detail: string | null;
  client_ip: string | null;
  family_id: string | null;
  person_ids: string | null;
  details_json: string | null;
  prev_hash: string;
  hash: ColumnType<string, string, never>;
  /** Null on legacy (unkeyed) rows. */
  key_id: ColumnType<string | null, string | null | undefined, never>;
  /**
   * The row's position in the chain, unique: the fork guard (migration 0024). Not hashed. Null on rows
   * written before 0024; PostgreSQL returns its bigint as a string.
   */
  chain_height: ColumnType<number | string | null, number | null | undefined, never>;
}

/**
 * One family shown by a list (worklist, search, team overview) whose one audit row has this chain height
 * (migration 0025): the index by which a family's log finds the listing. Append-only; not hashed, the row it
 * points to names the same families in `details_json.familyIds`.
 */
export interface AuditLogListedTable {
  family_id: string;
  /** PostgreSQL returns its bigint as a string. */
  chain_height: ColumnType<number | string, number, never>;
}

/** One row (id 1): the chain height up to which listing rows have their index entries (migration 0026). */
export interface AuditListedFoldedTable {
  id: ColumnType<number, number, never>;
  /** PostgreSQL returns its bigint as a string. */
  chain_height: ColumnType<number | string, number, number>;
  /** The mark at the migration; fixed. Above it, every row naming `familyIds` is a list (see 0026). */
  since: ColumnType<number | string, number, never>;
}

/* The network and referral workflow (DESIGN.md §2.8–2.9): the social map, referrals, notifications, the care
 * network around a family and the safety route. */
/** An entry of an organisation's social map ("sociale kaart"), maintained by its application manager. */
export interface PartnerTable {
  id: string;
  /** The organisation whose social map this is (tenant). */
  organisation_id: string;
  name: string;
  /** A knowledge `PartnerKindCode`. */
  kind: string;
  country: 'nl' | 'be';
  /** The care region by name, e.g. "Utrecht-West" or "Druivenstreek". */
  region: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** How to register a family: by phone, by e-mail, and/or through Nestwerk (the partner's organisation here). */
  intake_phone: string | null;
  intake_email: string | null;
  nestwerk_organisation_id: string | null;
  registration_note: string | null;
  /** Agreed days within which the partner reports back on a referral (Thema 4, aanbeveling 1). */
  feedback_days: number | null;
  data_exchange: string | null;
  reachability: string | null;
  note: string | null;
  archived_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface PartnerMunicipalityTable {
  partner_id: string;
  municipality: string;
  /** Lowercased, for matching a family's municipality. */
  municipality_key: string;
}

export interface PartnerInterventionTable {
  partner_id: string;
  intervention_code: string;
}

export interface ReferralTable {
  id: string;
  /** The referring organisation (the family's). */
  organisation_id: string;
  family_id: string;
  child_id: string;
  contact_id: string | null;
  /** The engine recommendation the referral started from, e.g. 'refer_outside'. */
  recommendation_id: string | null;
  partner_id: string;
  /** Set when the partner uses Nestwerk: its organisation receives the referral in its intake queue. */
  receiver_organisation_id: string | null;
  referrer_id: string;
  referrer_phone: string | null;
  status: ReferralStatus;
  channel: ReferralChannel | null;
  criteria_json: string;
  imh_reasons_json: string;
  reason_text: string | null;
  interventions_json: string;
  cues_json: string;
  factors_json: string;
  parent_wishes: string | null;
  /** The share items chosen for the receiver (knowledge SHARE_ITEMS). */
  items_json: string;
  basis: SharingBasis;
  consent_id: string | null;
  /** Without consent: the answers to the five questions of Thema 4. */
  no_consent_json: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  /** Exactly what went to the receiver, frozen when sent. */
  shared_json: string | null;
  sent_at: Timestamp | null;
  sent_by: string | null;
  feedback_due: DateOnly | null;
  feedback_received_at: Timestamp | null;
  decline_reason: string | null;
  intake_date: DateOnly | null;
  consent_withdrawn_at: Timestamp | null;
  /** The first contact that recorded a concern: the start of "time from first signal to help". */
  first_signal_date: DateOnly | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface ReferralStatusHistoryTable {
  id: string;
  referral_id: string;
  status: ReferralStatus;
  at: Timestamp;
  by_user_id: string | null;
  by_organisation_id: string | null;
  note: string | null;
}

/** "Terugkoppeling": what the receiver reports back to the referrer. */
export interface ReferralFeedbackTable {
  id: string;
  referral_id: string;
  author_organisation_id: string | null;
  /** The receiver's user when sent through Nestwerk; the referrer's when they record feedback given by phone etc. */
  recorded_by: string;
  source: FeedbackSource;
  text: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  referral_id: string | null;
  /** Set for an `emergency_access` notice: the event to review. */
  emergency_access_id: string | null;
  /** Set for the four-eyes notices: the request to decide or that was decided. */
  approval_id: string | null;
  /** The family an urgent screening concerns. */
  family_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** Set for notifications that must exist once (overdue feedback): unique. */
  dedupe_key: string | null;
}

/** Wrapped care: everyone involved with the family, inside and outside the organisation. */
export interface CareNetworkMemberTable {
  id: string;
  family_id: string;
  name: string;
  role: string;
  organisation: string | null;
  partner_id: string | null;
  user_id: string | null;
  phone: string | null;
  email: string | null;
  coordinator: Bool;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: string | null;
  version: number;
}

export interface SafetyRouteTable {
  id: string;
  family_id: string;
  region: 'nl' | 'be';
  /** The knowledge intervention code of the route: meldcode_veilig_thuis or vertrouwenscentrum_kindermishandeling. */
  route: string;
  concerns_json: string;
  status: 'open' | 'closed';
  decision_json: string | null;
  opened_by: string;
  opened_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  version: number;
}

export interface SafetyRouteStepTable {
  route_id: string;
  step: number;
  recorded_by: string;
  recorded_at: Timestamp;
  notes: string;
  answers_json: string | null;
}

export type ApprovalKind = 'create_user' | 'reset_credentials' | 'change_assignment' | 'enable_user';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/**
 * Four eyes on privileged user administration: the change is stored here and takes effect only when a second
 * person with `approver_role` (and, when set, leading `approver_team_id`) approves it.
 */
export interface ApprovalRequestTable {
  id: string;
  organisation_id: string;
  kind: ApprovalKind;
  /** Null while the account of a `create_user` request does not exist; set on approval. */
  target_user_id: string | null;
  /** create_user: email, displayName, role, teamId; reset_credentials: resetTotp; change_assignment: role, teamId. */
  payload_json: string;
  approver_role: 'team_lead' | 'application_manager';
  approver_team_id: string | null;
  status: ApprovalStatus;
  requested_by: string;
  requested_at: Timestamp;
  expires_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Published-before-suppression counts of the municipal dashboard (see migration 0014). */
export interface DashboardCountTable {
  region: 'nl' | 'be';
  municipality: string;
  /** A fixed quarter, YYYY-Qn. */
  period: string;
  indicator: string;
  row_key: string;
  column_key: string;
  count: number;
}

export interface DashboardRefreshTable {
  id: string;
  refreshed_at: Timestamp;
}

/** A family handed over to another organisation (migration 0017): the sender's record. */
export interface FamilyTransferTable {
  id: string;
  family_id: string;
  organisation_id: string;
  consent_id: string;
  to_organisation: string;
  transferred_by: string;
  transferred_at: Timestamp;
}

/** A Bundle imported as a family (migration 0017), by the sender's family id: a second import finds it. */
/** A record an import brought in, with where it came from (migration 0021). */
export interface ImportedRecordTable {
  id: string;
  family_id: string;
  /**
   * What was imported: the family itself (record_id the family), its records, and a `partner` placeholder an
   * imported referral needed for a partner this organisation does not know.
   */
  record_kind:
    | 'family'
    | 'contact'
    | 'agreement'
    | 'consent'
    | 'referral'
    | 'screening'
    | 'instrument_response'
    | 'partner';
  record_id: string;
  /** The sending organisation's name, as the Bundle gives it. */
  source_system: string;
  source_id: string | null;
  /** The professional the sender named (an Encounter's participant), who has no user here. */
  source_author: string | null;
  imported_by: string;
  imported_at: Timestamp;
}

export interface FamilyImportTable {
  id: string;
  family_id: string;
  organisation_id: string;
  source_family_id: string;
  imported_by: string;
  imported_at: Timestamp;
}

/* The parent portal (migration 0016): parents' own accounts and sessions, never users or sessions. */
export interface ParentAccountTable {
  id: string;
  person_id: string;
  family_id: string;
  email: string;
  password_hash: string;
  /** Sealed like a user's (db/secrets.ts), with the parent account's id as context. */
  totp_secret: string | null;
  totp_enrolled_at: Timestamp | null;
  is_demo: Bool;
  suspended_at: Timestamp | null;
  suspended_reason: string | null;
  suspended_by: string | null;
  created_at: Timestamp;
  version: number;
  /** `citizen`: redeemed through the citizen identity provider, without a password anybody knows (0020). */
  login_method: Generated<'password' | 'citizen'>;
  /** 0: activated with a passkey; the hash is of a random secret nobody knows (migration 0019). */
  password_set: Generated<Bool>;
}

/** One log-in through the citizen identity provider in flight (0020); single use, ten minutes. */
export interface PortalOidcFlowTable {
  /** SHA-256 of the random token in the browser's flow cookie. */
  id_hash: string;
  state: string;
  nonce: string;
  /** The PKCE verifier, sealed with the flow as context. */
  verifier_sealed: string;
  /** The invitation an activation redeems; null for a log-in. */
  invitation_id: string | null;
  email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A parent's passkey (WebAuthn credential), migration 0019. */
export interface ParentPasskeyTable {
  id: string;
  parent_account_id: string;
  /** base64url, as the authenticator names it in every answer. */
  credential_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  /** bigint: PostgreSQL's driver reads it back as a string. */
  counter: ColumnType<number | string, number, number>;
  /** JSON array of AuthenticatorTransport. */
  transports: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** A single-use WebAuthn challenge (5 minutes), shared by all server processes through the database. */
export interface ParentPasskeyChallengeTable {
  id: string;
  challenge: string;
  purpose: 'activate' | 'register' | 'login';
  parent_account_id: string | null;
  session_hash: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ParentSessionTable {
  id_hash: string;
  parent_id: string;
  csrf_token: string;
  stage: 'full' | 'enrol_pending';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client_ip: string | null;
}

export interface PortalInvitationTable {
  id: string;
  family_id: string;
  person_id: string;
  /** SHA-256 of the normalised code; the code itself is shown once. */
  code_hash: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ParentSelfReportTable {
  id: string;
  family_id: string;
  person_id: string;
  parent_id: string;
  child_id: string | null;
  how_are_you: string | null;
  how_is_child: string | null;
  want_to_discuss: string | null;
  whooley_json: string | null;
  gad2_json: string | null;
  outcome: ScreeningOutcome | null;
  risk: Bool;
  created_at: Timestamp;
}

export interface PortalHeldBackTable {
  id: string;
  family_id: string;
  kind: 'contact' | 'agreement' | 'referral';
  subject_id: string;
  reason: string;
  created_by: string;
  created_at: Timestamp;
}

export interface SafetyRoutePersonTable {
  route_id: string;
  person_id: string;
  flagged_by: string;
  flagged_at: Timestamp;
}

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
