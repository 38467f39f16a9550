import type { EmergencyAccessEntry, ReviewListIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../../http/errors.ts';
import { emergencyExpiry } from '../../policies/emergency.ts';
import { canReviewEmergencyAccess } from '../../policies/roles.ts';
import { presentEmergencyAccess } from '../../presenters/emergency-access.ts';
import {
  countEmergencyAccess,
  findReviewable,
  insertEmergencyAccess,
  listEmergencyAccess,
  markReviewed,
  type ReviewScope,
} from '../../repositories/emergency-access.ts';
import { readAudited, requireRoleFor, writeAudited } from '../shared/audited.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/** Opens a family without a care relationship, for a few hours, on a written reason that is reviewed later. */
export function breakGlass(
  ctx: RequestContext,
  familyId: string,
  reason: string,
): Promise<{ id: string; expiresAt: string }> {
  return withFamily(
    ctx,
    { family: familyId, action: 'break_glass', audit: 'emergency_access.start', purpose: 'emergency_care' },
    async (trx) => {
      const id = uuid();
      const expiresAt = emergencyExpiry(ctx.now);
      await insertEmergencyAccess(trx, {
        id,
        user_id: ctx.principal.userId,
        family_id: familyId,
        reason,
        started_at: ctx.at,
        expires_at: expiresAt,
        reviewed_by: null,
        reviewed_at: null,
      });
      return { value: { id, expiresAt }, basisDetail: reason, details: { emergencyAccessId: id, expiresAt } };
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
