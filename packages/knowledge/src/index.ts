export { CAREGIVER_ROLES, type CaregiverRole } from './caregiver-roles.ts';
export * from './codes.ts';
export {
  CONTACT_TYPES,
  type ContactType,
  RELATIONSHIP_BANDS,
  type RelationshipBandCode,
} from './contacts.ts';
export type { ConversationAid } from './conversation-aids.ts';
export { interventionName } from './interventions.ts';
export type { Knowledge } from './knowledge.ts';
export { KNOWLEDGE_VERSION, knowledge } from './knowledge.ts';
export {
  PARTNER_KIND_CODES,
  type PartnerKind,
  type PartnerKindCode,
  type PartnerSector,
} from './partner-kinds.ts';
export * from './perinatal-screening.ts';
export {
  ALWAYS_SHARED_ITEMS,
  DEFAULT_SHARE_ITEMS,
  FEEDBACK_SOURCES,
  type FeedbackSource,
  NOTIFICATION_KINDS,
  type NotificationKind,
  REFERRAL_CHANNELS,
  REFERRAL_STATUSES,
  type ReferralChannel,
  type ReferralStatus,
  SHARE_ITEMS,
  SHARE_ITEMS_SOURCES,
  SHARING_BASES,
  type ShareItem,
  type SharingBasis,
} from './referrals.ts';
export { SHARING_QUESTION_CODES, type SharingQuestionCode } from './sharing-questions.ts';
export { DOC, src, uniqueSources } from './sources.ts';
export { STABLE_FACTORS } from './stable-factors.ts';
export { text } from './text.ts';
export type * from './types.ts';
