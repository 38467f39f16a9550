import type { Transaction } from 'kysely';
import { type AuditBasis, type AuditOutcome, appendAudit } from '../../audit/index.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from './context.ts';

/** One NEN 7513 line about a domain operation; who, when and from where come from the request context. */
export interface DomainAuditLine {
  action: string;
  outcome: AuditOutcome;
  purpose: string;
  basis: AuditBasis;
  basisDetail: string | null;
  familyId: string | null;
  personIds: readonly string[];
  details: Record<string, unknown> | null;
}

/** Must be called inside the transaction of the operation it records, as its last statement. */
export async function writeAudit(
  trx: Transaction<Database>,
  ctx: RequestContext,
  line: DomainAuditLine,
): Promise<void> {
  await appendAudit(trx, {
    action: line.action,
    outcome: line.outcome,
    userId: ctx.principal.userId,
    userRole: ctx.principal.role,
    organisationId: ctx.principal.organisationId,
    purpose: line.purpose,
    basis: line.basis,
    basisDetail: line.basisDetail,
    clientIp: ctx.clientIp,
    familyId: line.familyId,
    personIds: line.personIds.length > 0 ? line.personIds : null,
    details: line.details,
    at: ctx.at,
  });
}
