import type { FamilyListItem, WorklistQuery } from '@nestwerk/contract';
import { searchByNationalId } from '../../domain/national-id.ts';
import { listFamilyPage } from '../../policies/family-list.ts';
import { loadListDetails } from '../../policies/list-details.ts';
import { holdsFamilyContent } from '../../policies/roles.ts';
import { presentFamilyList } from '../../presenters/family-list.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';

/**
 * The caseload: families with an active care relationship (mine, or my team's), earliest follow-up first.
 * Families opened under emergency access are not part of anyone's caseload and do not appear here.
 */
export async function worklist(
  ctx: RequestContext,
  input: WorklistQuery,
): Promise<{ items: FamilyListItem[]; total: number }> {
  await requireRoleFor(ctx, holdsFamilyContent, 'worklist.read');
  return readAudited(
    ctx,
    { audit: 'worklist.read', purpose: 'care', basis: 'care_relationship' },
    async (trx) => {
      const byNumber = searchByNationalId(ctx.secrets, input.q);
      const page = await listFamilyPage(trx, {
        principal: ctx.principal,
        today: ctx.today,
        scope: input.scope,
        q: input.q,
        nationalIdKey: byNumber.nationalIdKey,
        due: input.due,
        offset: input.offset,
        limit: input.limit,
      });
      const ids = page.rows.map((r) => r.id);
      const details = await loadListDetails(trx, ids, ctx.today);
      return {
        value: { items: presentFamilyList(page.rows, details, ctx.today), total: page.total },
        details: {
          scope: input.scope,
          due: input.due,
          query: byNumber.auditQuery,
          total: page.total,
        },
        listedFamilyIds: ids,
      };
    },
  );
}
