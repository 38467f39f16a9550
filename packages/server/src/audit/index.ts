export type { AuditBasis, AuditEntry, AuditOutcome, AuditRecord } from './append.ts';
export { appendAudit, appendAudits, recordAudit } from './append.ts';
export { AUDIT_SEARCH_MAX_LIMIT, type AuditQuery, searchAudit } from './search.ts';
export { type ChainVerification, verifyAuditChain } from './verify.ts';
