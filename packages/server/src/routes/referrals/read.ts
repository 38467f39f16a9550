import type { ReferralSummary, SharedReferral } from '@nestwerk/contract';
import { buildSnapshot, familyOfReferral, requireReferral } from '../../domain/referral-load.ts';
import { parseShared } from '../../network/share.ts';
import { presentReferralSummary } from '../../presenters/referral.ts';
import { listFamilyReferrals } from '../../repositories/referrals.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * Exactly what goes (or went) to the receiver: for a draft, what sending now would freeze; once sent, the
 * frozen snapshot itself. The referrer adds or removes items with PATCH and looks again.
 */
export function previewReferral(ctx: RequestContext, id: string): Promise<SharedReferral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'read', audit: 'referral.preview' },
    async (trx) => {
      const r = await requireReferral(trx, id);
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
