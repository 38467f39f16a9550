import type { Transaction } from 'kysely';
import { type AuditBasis, type AuditEntry, type AuditOutcome, appendAudit } from '../../audit/index.ts';
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
  /** Under break-the-glass: the grant, which becomes on_behalf_of. */
  emergencyId?: string | null;
  /** A list's families: indexed for each family's log (see AuditEntry.listedFamilyIds). */
  listedFamilyIds?: readonly string[];
}

/**
 * on_behalf_of (NEN 7513: "namens wie"): the principal the user acts for beyond their own account. Under
 * break-the-glass that is the emergency grant (`emergency:<id>`), which carries the reason and is reviewed
 * afterwards; otherwise the team whose caseload the work belongs to (`team:<id>`), or the organisation for a
 * user without a team (`organisation:<id>`: application manager, analyst).
 */
export function onBehalfOf(
  ctx: RequestContext,
  line: Pick<DomainAuditLine, 'basis' | 'emergencyId'>,
): string {
  if (line.basis === 'emergency' && line.emergencyId) return `emergency:${line.emergencyId}`;
  return ctx.principal.teamId
    ? `team:${ctx.principal.teamId}`
    : `organisation:${ctx.principal.organisationId}`;
}

/** Must be called inside the transaction of the operation it records, as its last statement. */
export async function writeAudit(
  trx: Transaction<Database>,
  ctx: RequestContext,
  line: DomainAuditLine,
): Promise<void> {
  await appendAudit(trx, auditEntry(ctx, line));
}

export function auditEntry(ctx: RequestContext, line: DomainAuditLine): AuditEntry {
  return {
    action: line.action,
    outcome: line.outcome,
    userId: ctx.principal.userId,
    userRole: ctx.principal.role,
    organisationId: ctx.principal.organisationId,
    onBehalfOf: onBehalfOf(ctx, line),
    purpose: line.purpose,
    basis: line.basis,
    basisDetail: line.basisDetail,
    clientIp: ctx.clientIp,
    familyId: line.familyId,
    personIds: line.personIds.length > 0 ? line.personIds : null,
    details: line.details,
    listedFamilyIds: line.listedFamilyIds ?? null,
    at: ctx.at,
  };
}
