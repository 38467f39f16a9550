import type { Notification } from '@nestwerk/contract';
import { presentNotification } from '../../presenters/notification.ts';
import {
  ensureOverdueNotices,
  findNotification,
  listNotifications,
  markAllRead,
  markRead,
} from '../../repositories/notifications.ts';
import { overdueReferralsOf } from '../../repositories/referrals.ts';
import type { RequestContext } from '../shared/context.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * The user's own notifications. Overdue feedback is not an event that happens at a moment, so its notice is
 * made when the referrer next looks (in this same transaction), once per referral.
 */
export function myNotifications(
  ctx: RequestContext,
  query: { unread: boolean; offset: number; limit: number },
): Promise<{ items: Notification[]; total: number; unread: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const overdue = await overdueReferralsOf(trx, ctx.principal.userId, ctx.today);
    await ensureOverdueNotices(
      trx,
      ctx.principal.userId,
      overdue.map((r) => r.id),
      ctx.at,
    );
    const page = await listNotifications(trx, {
      userId: ctx.principal.userId,
      unreadOnly: query.unread,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: page.rows.map(presentNotification), total: page.total, unread: page.unread };
  });
}

export function readNotification(ctx: RequestContext, id: string): Promise<Notification> {
  return ctx.db.transaction().execute(async (trx) => {
    await markRead(trx, ctx.principal.userId, id, ctx.at);
    const n = await findNotification(trx, ctx.principal.userId, id);
    if (!n) throw notFound();
    return presentNotification(n);
  });
}

export async function readAllNotifications(ctx: RequestContext): Promise<{ marked: number }> {
  return { marked: await markAllRead(ctx.db, ctx.principal.userId, ctx.at) };
}
