import type {
  FeedbackSource,
  NotificationKind,
  ReferralChannel,
  ReferralStatus,
  SharingBasis,
} from '@nestwerk/knowledge';
import type { Bool, DateOnly, Timestamp } from './columns.ts';

/** The care network: partners, referrals and their feedback, notifications, network members, safety routes. */

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

export interface SafetyRoutePersonTable {
  route_id: string;
  person_id: string;
  flagged_by: string;
  flagged_at: Timestamp;
}
