import type { EmergencyAccessEntry, ReviewListIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../../http/errors.ts';
import { emergencyExpiry, emergencyStartedAfter, sameReason } from '../../policies/emergency.ts';
import { canReviewEmergencyAccess } from '../../policies/roles.ts';
import { presentEmergencyAccess } from '../../presenters/emergency-access.ts';
import {
  countEmergencyAccess,
  emergencyReviewerIds,
  endEmergencyAccess,
  findReviewable,
  insertEmergencyAccess,
  listEmergencyAccess,
  markReviewed,
  type ReviewScope,
  userGrantsOnFamily,
} from '../../repositories/emergency-access.ts';
import { notifyUsers } from '../../repositories/notifications.ts';
import { readAudited, requireRoleFor, writeAudited } from '../shared/audited.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * Opens a family without a care relationship, to read only, for the configured hours, on a written reason.
 * The team lead (or, without one, the application manager) is notified at once and the event waits in the
 * review queue. Asking again while a grant runs is a renewal: it needs a reason not given before for this
 * family, ends the running grant, and is a new event with its own notice and review.
 */
export function breakGlass(
  ctx: RequestContext,
  familyId: string,
  reason: string,
): Promise<{ id: string; expiresAt: string }> {
  return withFamily(
    ctx,
    { family: familyId, action: 'break_glass', audit: 'emergency_access.start', purpose: 'emergency_care' },
    async (trx) => {
      const earlier = await userGrantsOnFamily(trx, ctx.principal.userId, familyId);
      if (earlier.some((g) => sameReason(g.reason, reason)))
        throw new HttpError(
          'unprocessable',
          'You gave this reason before for this family: write down why you need the file now.',
          'reason',
        ).because('reason_repeated');
      const earliestStart = emergencyStartedAfter(ctx.now, ctx.emergencyAccessHours);
      const running = earlier.find((g) => g.expires_at > ctx.at && g.started_at > earliestStart);
      if (running) await endEmergencyAccess(trx, running.id, ctx.at);
      const id = uuid();
      const expiresAt = emergencyExpiry(ctx.now, ctx.emergencyAccessHours);
      await insertEmergencyAccess(trx, {
        id,
        user_id: ctx.principal.userId,
        family_id: familyId,
        reason,
        started_at: ctx.at,
        expires_at: expiresAt,
        reviewed_by: null,
        reviewed_at: null,
        renews_id: running?.id ?? null,
      });
      const notified = await emergencyReviewerIds(trx, {
        id: ctx.principal.userId,
        organisationId: ctx.principal.organisationId,
        teamId: ctx.principal.teamId,
      });
      await notifyUsers(trx, notified, 'emergency_access', { emergency_access_id: id }, ctx.at);
      return {
        value: { id, expiresAt },
        basisDetail: reason,
        emergencyId: id,
        details: { emergencyAccessId: id, expiresAt, renews: running?.id ?? null, notified },
      };
    },
  );
}

/** The application manager reviews the whole organisation; a team lead the members of their own team. */
function reviewScope(ctx: RequestContext): ReviewScope | null {
  const { principal } = ctx;
  if (principal.role === 'application_manager')
    return { organisationId: principal.organisationId, teamId: null };
  // A team lead without a team has nobody to review.
  return principal.teamId ? { organisationId: principal.organisationId, teamId: principal.teamId } : null;
}

export async function listForReview(
  ctx: RequestContext,
  input: ReviewListIn,
): Promise<{ items: EmergencyAccessEntry[]; total: number }> {
  await requireRoleFor(ctx, canReviewEmergencyAccess, 'emergency_access.list');
  const reviewed = input.reviewed === 'true';
  return readAudited(
    ctx,
    { audit: 'emergency_access.list', purpose: 'review', basis: 'admin' },
    async (trx) => {
      const scope = reviewScope(ctx);
      if (!scope) return { value: { items: [], total: 0 }, details: { reviewed, total: 0 } };
      const [rows, total] = await Promise.all([
        listEmergencyAccess(trx, scope, { reviewed, offset: input.offset, limit: input.limit }),
        countEmergencyAccess(trx, scope, reviewed),
      ]);
      return { value: { items: rows.map(presentEmergencyAccess), total }, details: { reviewed, total } };
    },
  );
}

export async function review(ctx: RequestContext, id: string): Promise<EmergencyAccessEntry> {
  await requireRoleFor(ctx, canReviewEmergencyAccess, 'emergency_access.review');
  const scope = reviewScope(ctx);
  const row = scope ? await findReviewable(ctx.db, scope, id) : undefined;
  if (!scope || !row) throw notFound();
  if (row.user_id === ctx.principal.userId)
    throw new HttpError('forbidden', 'Someone else reviews your own emergency access.');
  return writeAudited(
    ctx,
    { audit: 'emergency_access.review', purpose: 'review', basis: 'admin', familyId: row.family_id },
    async (trx) => {
      if (!(await markReviewed(trx, id, ctx.principal.userId, ctx.at)))
        throw conflict('emergency access', presentEmergencyAccess(row));
      const saved = await findReviewable(trx, scope, id);
      if (!saved) throw notFound();
      return { value: presentEmergencyAccess(saved), details: { emergencyAccessId: id, user: row.user_id } };
    },
  );
}
