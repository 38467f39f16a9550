import type { DateOnly, Timestamp } from './columns.ts';

/** Consent to share and break-the-glass access. */

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
