export { CAREGIVER_ROLES, type CaregiverRole } from './caregiver-roles.ts';
export * from './codes.ts';
export type { Knowledge } from './knowledge.ts';
export { KNOWLEDGE_VERSION, knowledge } from './knowledge.ts';
export {
  PARTNER_KIND_CODES,
  type PartnerKind,
  type PartnerKindCode,
  type PartnerSector,
} from './partner-kinds.ts';
export { DOC, src } from './sources.ts';
export { text } from './text.ts';
export type * from './types.ts';
