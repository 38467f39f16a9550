import type { ColumnType } from 'kysely';
import type { Bool, Timestamp } from './columns.ts';

/** Organisations, teams, staff accounts and what keeps them safe: sessions, recovery codes, rate limits, four-eyes approvals. */

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
