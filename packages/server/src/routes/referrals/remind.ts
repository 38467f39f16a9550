import type { Referral } from '@nestwerk/contract';
import { familyOfReferral, loadReferralOut, requireLiveReferral } from '../../domain/referral-load.ts';
import { HttpError } from '../../http/errors.ts';
import { mayRemind } from '../../presenters/referral.ts';
import { lastReminder, notify, receiverUserIds } from '../../repositories/notifications.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

const REFUSAL = {
  not_on_nestwerk: [
    'unprocessable',
    'This partner does not receive referrals in Nestwerk: ask for the feedback by phone or e-mail.',
  ],
  not_overdue: ['unprocessable', 'The feedback on this referral is not overdue; there is nothing to remind.'],
  already_today: [
    'rate_limited',
    'A reminder about this referral was already sent today; try again tomorrow.',
  ],
} as const;

/**
 * The referrer reminds the receiving team that feedback is overdue: a notice to each of its IMH specialists,
 * at most once a calendar day per referral (the dedupe key holds that even when two clicks race). The guard's
 * audit row (referral.remind) records it in the family's log.
 */
export function remindReceiver(ctx: RequestContext, id: string): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.remind' },
    async (trx) => {
      const r = await requireLiveReferral(trx, id);
      const decision = mayRemind(r, await lastReminder(trx, id), ctx.today);
      if (decision !== 'ok') {
        const [error, message] = REFUSAL[decision];
        throw new HttpError(error, message, 'reminder');
      }
      const receivers = r.receiver_organisation_id
        ? await receiverUserIds(trx, r.receiver_organisation_id)
        : [];
      if (receivers.length === 0)
        throw new HttpError(
          'unprocessable',
          'Nobody at the receiving team can be reached in Nestwerk right now: ask for the feedback by phone or e-mail.',
          'reminder',
        );
      await notify(
        trx,
        receivers,
        'feedback_reminder',
        id,
        ctx.at,
        (userId) => `feedback_reminder:${id}:${ctx.today}:${userId}`,
      );
      return {
        value: await loadReferralOut(trx, id, ctx.today),
        personIds: [r.child_id],
        details: {
          referralId: id,
          action: 'reminder',
          receiverOrganisationId: r.receiver_organisation_id,
          notified: receivers.length,
        },
      };
    },
  );
}
