import type { IntakeItem, IntakeQueryIn, IntakeReferral, IntakeStatusIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { readOnly } from '../../db/read-only.ts';
import { moveReferral } from '../../domain/referral-progress.ts';
import { HttpError } from '../../http/errors.ts';
import { receivesReferrals, type SharingState, sharingState } from '../../policies/referrals.ts';
import { presentIntakeItem, presentIntakeReferral } from '../../presenters/intake.ts';
import type { Db } from '../../repositories/db.ts';
import { intakePage } from '../../repositories/intake-page.ts';
import { notify } from '../../repositories/notifications.ts';
import {
  findReferral,
  insertFeedback,
  listFeedback,
  listStatusHistory,
  type ReferralRow,
  updateReferral,
} from '../../repositories/referrals.ts';
import { auditRead } from '../shared/audit-batch.ts';
import { requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';
import { notFound } from '../shared/not-found.ts';
import { withReceivedReferral } from './guard.ts';

async function present(
  trx: Db,
  ctx: RequestContext,
  id: string,
  sharing: SharingState,
): Promise<IntakeReferral> {
  const r = await findReferral(trx, id);
  if (!r) throw notFound();
  const [history, feedback] = await Promise.all([listStatusHistory(trx, id), listFeedback(trx, id)]);
  return presentIntakeReferral(r, history, feedback, ctx.principal.organisationId, sharing);
}

/**
 * The intake queue of the user's organisation, newest first. Each item carries a summary of the shared
 * snapshot only; once the parents withdrew consent it carries none, and says so.
 */
export async function listIntake(
  ctx: RequestContext,
  query: IntakeQueryIn,
): Promise<{ items: IntakeItem[]; total: number }> {
  await requireRoleFor(ctx, receivesReferrals, 'referral.intake.list');
  // Read through readOnly; the audit row is group-committed (audit-batch.ts) before anything is answered.
  const page = await readOnly(ctx.db, (trx) =>
    intakePage(trx, {
      organisationId: ctx.principal.organisationId,
      filter: query.status,
      offset: query.offset,
      limit: query.limit,
    }),
  );
  const items = page.rows.map((row) =>
    presentIntakeItem(
      row,
      sharingState(
        row,
        row.consent_id === null
          ? undefined
          : { withdrawn_at: row.consent_withdrawn, valid_until: row.consent_valid_until },
        ctx.today,
      ),
    ),
  );
  const basis =
    page.rows.length === 0
      ? 'none'
      : page.rows.some((r) => r.basis === 'no_consent')
        ? 'no_consent'
        : 'consent';
  await auditRead(ctx, {
    action: 'referral.intake.list',
    outcome: 'success',
    purpose: 'referral',
    basis,
    basisDetail: null,
    familyId: null,
    personIds: [],
    details: { status: query.status, total: page.total, referralIds: page.rows.map((r) => r.id) },
  });
  return { items, total: page.total };
}

export function readIntake(ctx: RequestContext, id: string): Promise<IntakeReferral> {
  return withReceivedReferral(
    ctx,
    id,
    { audit: 'referral.intake.read', sharesData: true },
    async (trx, _r, sharing) => ({
      value: await present(trx, ctx, id, sharing),
    }),
  );
}

const notifyReferrer = (trx: Db, r: ReferralRow, kind: 'referral_status' | 'feedback_received', at: string) =>
  notify(trx, [r.referrer_id], kind, r.id, at);

/** Receive, accept (with an intake date), decline (with a reason), in care, closed. */
export function moveIntake(ctx: RequestContext, id: string, body: IntakeStatusIn): Promise<IntakeReferral> {
  // Closing stays possible after consent was withdrawn: it ends the referral without reading anything.
  const sharesData = body.status !== 'closed';
  return withReceivedReferral(
    ctx,
    id,
    { audit: 'referral.intake.status', sharesData },
    async (trx, r, sharing) => {
      const path = await moveReferral(trx, ctx, r, 'receiver', body);
      await notifyReferrer(trx, r, 'referral_status', ctx.at);
      return { value: await present(trx, ctx, id, sharing), details: { from: r.status, path } };
    },
  );
}

export function planIntake(ctx: RequestContext, id: string, intakeDate: string): Promise<IntakeReferral> {
  return withReceivedReferral(
    ctx,
    id,
    { audit: 'referral.intake.plan', sharesData: true },
    async (trx, r, sharing) => {
      if (r.status !== 'accepted' && r.status !== 'in_care')
        throw new HttpError(
          'conflict',
          'Accept the referral before planning the intake (or accept it with an intake date).',
          'status',
          {
            status: r.status,
          },
        );
      await updateReferral(trx, id, { status: r.status }, { intake_date: intakeDate }, ctx.at);
      await notifyReferrer(trx, r, 'referral_status', ctx.at);
      return { value: await present(trx, ctx, id, sharing), details: { intakeDate } };
    },
  );
}

/** "Terugkoppeling" to the referrer: counts as the feedback the partner agreed to give. */
export function intakeFeedback(ctx: RequestContext, id: string, text: string): Promise<IntakeReferral> {
  return withReceivedReferral(
    ctx,
    id,
    { audit: 'referral.intake.feedback', sharesData: true },
    async (trx, r, sharing) => {
      await insertFeedback(trx, {
        id: uuid(),
        referral_id: id,
        author_organisation_id: ctx.principal.organisationId,
        recorded_by: ctx.principal.userId,
        source: 'nestwerk',
        text,
        created_at: ctx.at,
      });
      if (r.feedback_received_at === null)
        await updateReferral(trx, id, {}, { feedback_received_at: ctx.at }, ctx.at);
      await notifyReferrer(trx, r, 'feedback_received', ctx.at);
      return { value: await present(trx, ctx, id, sharing), details: {} };
    },
  );
}
