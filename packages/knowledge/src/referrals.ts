import { DOC, src } from './sources.ts';
import type { SourceRef } from './types.ts';

/**
 * The life of a referral (DESIGN.md §2.8): drafted, sent, received by the partner, accepted or declined,
 * the family in care, closed. Stored with every referral and its history: add freely, never rename.
 */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'in_care',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** How a referral reached the partner: through Nestwerk, or by the partner's own intake route. */
export const REFERRAL_CHANNELS = ['nestwerk', 'phone', 'email', 'post'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

/** How the referrer heard back ("terugkoppeling"); `nestwerk` when the partner wrote it in Nestwerk. */
export const FEEDBACK_SOURCES = ['nestwerk', 'phone', 'email', 'post', 'meeting'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** Shared with the family's consent, or without it after the five questions (see sharing-questions.ts). */
export const SHARING_BASES = ['consent', 'no_consent'] as const;
export type SharingBasis = (typeof SHARING_BASES)[number];

/**
 * What a referral can carry to its receiver, in canonical order. Share only what the receiver needs to act
 * (data minimisation): the child's age rather than the birth date or name, the reason, the relevant cues,
 * factors and the help asked for, the parents' wishes, and who refers. Names, birth date, phone and address
 * go only when the professional adds them on purpose.
 */
export const SHARE_ITEMS = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
  'child_name',
  'child_birth_date',
  'parent_names',
  'parent_phone',
  'address',
] as const;
export type ShareItem = (typeof SHARE_ITEMS)[number];

/** Without these a referral says nothing a receiver can act on: always shared. */
export const ALWAYS_SHARED_ITEMS = ['reason', 'referrer'] as const satisfies readonly ShareItem[];

/** Chosen for a new referral until the professional changes them: the minimum, nothing that names anyone. */
export const DEFAULT_SHARE_ITEMS = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
] as const satisfies readonly ShareItem[];

export const SHARE_ITEMS_SOURCES: readonly SourceRef[] = [
  src(DOC.guideline, 'Thema 4, Uitwisseling van informatie en gegevens'),
];

/** What a professional is told about in Nestwerk's inbox. Stored: add freely, never rename. */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'feedback_received',
  'feedback_overdue',
  'consent_withdrawn',
  'referral_status',
  'emergency_access',
  // Four eyes on user administration: to who may approve, to the requester, and to the user concerned.
  'approval_requested',
  'approval_decided',
  'account_change_requested',
  'account_changed',
  /** A parent's screening was urgent (EPDS item 10 > 0): the team lead hears of it at once. */
  'urgent_screening',
  /** The referrer reminds the receiving team that feedback on a referral is overdue. */
  'feedback_reminder',
  /** A parent's self-report in the portal signalled risk: the nurses with a care relationship hear at once. */
  'parent_self_report',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
