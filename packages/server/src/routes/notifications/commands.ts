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
import { auditRead } from '../shared/audit-batch.ts';
import type { DomainAuditLine } from '../shared/audit-trail.ts';
import type { RequestContext } from '../shared/context.ts';
import { notFound } from '../shared/not-found.ts';
import { resolveSubjects } from './subjects.ts';

/**
 * The user's own notifications. Overdue feedback is not an event that happens at a moment, so its notice is
 * made when the referrer next looks (in this same transaction), once per referral.
 */
export async function myNotifications(
  ctx: RequestContext,
  query: { unread: boolean; subjects: boolean; offset: number; limit: number },
): Promise<{ items: Notification[]; total: number; unread: number }> {
  const { page, subjects } = await ctx.db.transaction().execute(async (trx) => {
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
    const subjects = query.subjects ? await resolveSubjects(trx, ctx.principal, ctx.today, page.rows) : null;
    return { page, subjects };
  });
  // Names shown are family data: each family named gets a row in its log, committed before the answer leaves.
  if (subjects && subjects.shown.size > 0)
    await auditRead(ctx, [
      ...[...subjects.shown].map(
        ([familyId, basis]): DomainAuditLine => ({
          action: 'notifications.read.listed',
          outcome: 'success',
          purpose: basis === 'care_relationship' ? 'care' : 'referral',
          basis,
          basisDetail: null,
          familyId,
          personIds: [],
          details: { via: 'notifications.read' },
        }),
      ),
      {
        action: 'notifications.read',
        outcome: 'success',
        purpose: 'care',
        basis: 'care_relationship',
        basisDetail: null,
        familyId: null,
        personIds: [],
        // Not `familyIds`: that names a list's families, which the listed-families index is folded from.
        details: { shownFamilyIds: [...subjects.shown.keys()] },
      },
    ]);
  return {
    items: page.rows.map((n) => presentNotification(n, subjects?.byNotification.get(n.id) ?? null)),
    total: page.total,
    unread: page.unread,
  };
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
