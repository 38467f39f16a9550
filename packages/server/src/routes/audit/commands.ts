import type { AccessLogEntry, AccessLogQueryIn, AuditEntry, AuditQueryIn } from '@nestwerk/contract';
import { addDays } from '../../policies/calendar.ts';
import { canReadAuditFreeText, canSearchAudit } from '../../policies/roles.ts';
import { presentAccessLogEntry } from '../../presenters/access-log.ts';
import { minimiseAuditEntry, presentAuditEntry } from '../../presenters/audit-entry.ts';
import { countFamilyAccess, listFamilyAccess } from '../../repositories/access-log.ts';
import { searchOrganisationAudit } from '../../repositories/audit-search.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const startOf = (v: string) => (DATE.test(v) ? `${v}T00:00:00.000Z` : new Date(v).toISOString());
/** `to` is inclusive: a bare date covers its whole day. */
const endOf = (v: string) =>
  DATE.test(v) ? `${addDays(v, 1)}T00:00:00.000Z` : new Date(Date.parse(v) + 1).toISOString();

/** NEN 7513 §5: the log is searchable by family, user and period — and looking at it is itself logged. */
export async function searchAuditLog(
  ctx: RequestContext,
  q: AuditQueryIn,
): Promise<{ items: AuditEntry[]; total: number }> {
  await requireRoleFor(ctx, canSearchAudit, 'audit.read');
  const filters = { familyId: q.familyId, userId: q.userId, from: q.from, to: q.to };
  return readAudited(
    ctx,
    { audit: 'audit.read', purpose: 'audit', basis: 'admin', familyId: q.familyId ?? null },
    async (trx) => {
      const { rows, total } = await searchOrganisationAudit(trx, {
        organisationId: ctx.principal.organisationId,
        familyId: q.familyId,
        userId: q.userId,
        from: q.from === undefined ? undefined : startOf(q.from),
        before: q.to === undefined ? undefined : endOf(q.to),
        offset: q.offset,
        limit: q.limit,
      });
      const reveal = canReadAuditFreeText(ctx.principal.role);
      const items = rows.map((r) =>
        reveal ? presentAuditEntry(r) : minimiseAuditEntry(presentAuditEntry(r)),
      );
      return { value: { items, total }, details: { filters, total } };
    },
  );
}

/** Who looked at this family, when and why: for the family's own professionals. */
export function familyAccessLog(
  ctx: RequestContext,
  familyId: string,
  q: AccessLogQueryIn,
): Promise<{ items: AccessLogEntry[]; total: number }> {
  return withFamily(
    ctx,
    { family: familyId, action: 'access_log', audit: 'family.access_log' },
    async (trx) => {
      const [rows, total] = await Promise.all([
        listFamilyAccess(trx, familyId, { offset: q.offset, limit: q.limit }),
        countFamilyAccess(trx, familyId),
      ]);
      const items = rows.map((r) => presentAccessLogEntry(r, ctx.principal.organisationId));
      return { value: { items, total } };
    },
  );
}
