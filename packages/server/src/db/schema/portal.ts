import type { ScreeningOutcome } from '@nestwerk/knowledge';
import type { ColumnType, Generated } from 'kysely';
import type { Bool, Timestamp } from './columns.ts';

/** The parent portal: parent accounts, sign-in (OIDC, passkeys), sessions, invitations, self-reports, what is held back. */

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
  /** The parent's own name for it (migration 0031); null for passkeys made before, shown by their date. */
  name: string | null;
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
