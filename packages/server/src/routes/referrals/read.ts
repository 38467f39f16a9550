import type { PreviewQueryIn, ReferralSummary, SharedReferral } from '@nestwerk/contract';
import { buildSnapshot, familyOfReferral, requireReferral } from '../../domain/referral-load.ts';
import { normaliseItems, parseShared } from '../../network/share.ts';
import { presentReferralSummary } from '../../presenters/referral.ts';
import { listFamilyReferrals } from '../../repositories/referrals.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * Exactly what goes (or went) to the receiver: for a draft, what sending now would freeze; once sent, the
 * frozen snapshot itself. `items` previews a draft with the items as ticked on screen, before they are stored.
 */
export function previewReferral(
  ctx: RequestContext,
  id: string,
  query: PreviewQueryIn = {},
): Promise<SharedReferral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'read', audit: 'referral.preview' },
    async (trx) => {
      const stored = await requireReferral(trx, id);
      const r =
        query.items === undefined
          ? stored
          : { ...stored, items_json: JSON.stringify(normaliseItems(query.items)) };
      const value =
        r.status === 'draft' ? await buildSnapshot(trx, r, ctx.today) : parseShared(r.shared_json);
      if (!value) throw notFound();
      return { value, details: { referralId: id, items: value.items } };
    },
  );
}

export function familyReferrals(
  ctx: RequestContext,
  familyId: string,
): Promise<{ items: ReferralSummary[] }> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'referral.list' }, async (trx) => {
    const rows = await listFamilyReferrals(trx, familyId);
    return {
      value: { items: rows.map((r) => presentReferralSummary(r, ctx.today)) },
      details: { referralIds: rows.map((r) => r.id) },
    };
  });
}
