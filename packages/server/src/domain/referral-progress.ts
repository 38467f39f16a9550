import type { RecordedFeedbackIn, Referral, ReferrerStatusIn } from '@nestwerk/contract';
import type { ReferralStatus } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../http/errors.ts';
import { invalidTransition, pathTo } from '../network/lifecycle.ts';
import { mayMoveReferral, type ReferralSide } from '../policies/referrals.ts';
import { withdrawConsent } from '../repositories/consents.ts';
import type { Db } from '../repositories/db.ts';
import { notify, receiverUserIds } from '../repositories/notifications.ts';
import {
  insertFeedback,
  insertStatusHistory,
  type ReferralPatch,
  type ReferralRow,
  referralsOnConsent,
  updateReferral,
} from '../repositories/referrals.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { withFamily } from '../routes/shared/family-guard.ts';
import { auditAlso, familyOfReferral, loadReferralOut, requireLiveReferral } from './referral-load.ts';

export interface MoveIn {
  status: ReferralStatus;
  reason?: string | undefined;
  intakeDate?: string | undefined;
}

/**
 * One step (or, for accept/decline straight from "sent", two) of the referral's life, timestamped in its
 * history. The UPDATE is conditional on the status seen, so two people answering at once cannot both win.
 */
export async function moveReferral(
  trx: Db,
  ctx: RequestContext,
  r: ReferralRow,
  side: ReferralSide,
  input: MoveIn,
): Promise<ReferralStatus[]> {
  const onNestwerk = r.receiver_organisation_id !== null;
  if (!mayMoveReferral(side, onNestwerk, input.status))
    throw new HttpError(
      'forbidden',
      side === 'referrer'
        ? 'The partner records this step in Nestwerk itself; you can close the referral.'
        : 'Your organisation cannot record this step.',
    );
  const path = pathTo(r.status, input.status);
  if (!path) throw invalidTransition(r.status, input.status);
  if (input.status === 'declined' && input.reason === undefined)
    throw new HttpError('invalid_input', 'Say why the referral is declined.', 'reason').because('required');
  if (input.intakeDate !== undefined && input.status !== 'accepted')
    throw new HttpError(
      'invalid_input',
      'An intake date goes with accepting the referral.',
      'intakeDate',
    ).because('intake_needs_accept');
  const patch: ReferralPatch = { status: input.status };
  if (input.status === 'declined') patch.decline_reason = input.reason ?? null;
  if (input.intakeDate !== undefined) patch.intake_date = input.intakeDate;
  if (!(await updateReferral(trx, r.id, { status: r.status }, patch, ctx.at)))
    throw new HttpError(
      'conflict',
      'Someone else changed this referral just now; reload it and try again.',
      'status',
    );
  for (const status of path)
    await insertStatusHistory(trx, {
      id: uuid(),
      referral_id: r.id,
      status,
      at: ctx.at,
      by_user_id: ctx.principal.userId,
      by_organisation_id: ctx.principal.organisationId,
      note: status === input.status ? (input.reason ?? null) : null,
    });
  return path;
}

export function readReferral(ctx: RequestContext, id: string): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'read', audit: 'referral.read' },
    async (trx) => ({
      value: await loadReferralOut(trx, id, ctx.today),
      details: { referralId: id },
    }),
  );
}

/** The referrer records a step a partner outside Nestwerk reported, or closes the referral. */
export function moveAsReferrer(ctx: RequestContext, id: string, body: ReferrerStatusIn): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.status' },
    async (trx) => {
      const r = await requireLiveReferral(trx, id);
      if (r.version !== body.version)
        throw new HttpError(
          'conflict',
          'This referral changed since you opened it; reload it and try again.',
          'version',
          {
            current: await loadReferralOut(trx, id, ctx.today),
          },
        );
      const path = await moveReferral(trx, ctx, r, 'referrer', body);
      if (r.receiver_organisation_id !== null)
        await notify(
          trx,
          await receiverUserIds(trx, r.receiver_organisation_id),
          'referral_status',
          id,
          ctx.at,
        );
      return {
        value: await loadReferralOut(trx, id, ctx.today),
        details: { referralId: id, from: r.status, path },
      };
    },
  );
}

/** Feedback a partner gave by phone, e-mail, post or in a meeting, recorded by the referrer. */
export function recordFeedback(ctx: RequestContext, id: string, body: RecordedFeedbackIn): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.feedback.record' },
    async (trx) => {
      const r = await requireLiveReferral(trx, id);
      if (r.status === 'draft')
        throw new HttpError(
          'conflict',
          'A draft has not been sent; there is no feedback to record yet.',
          'status',
          {
            status: r.status,
          },
        );
      await insertFeedback(trx, {
        id: uuid(),
        referral_id: id,
        author_organisation_id: null,
        recorded_by: ctx.principal.userId,
        source: body.via,
        text: body.text,
        created_at: ctx.at,
      });
      if (r.feedback_received_at === null)
        await updateReferral(trx, id, {}, { feedback_received_at: ctx.at }, ctx.at);
      return { value: await loadReferralOut(trx, id, ctx.today), details: { referralId: id, via: body.via } };
    },
  );
}

/**
 * Withdrawn consent stops any further sharing (Thema 4): every referral resting on it is marked, and a
 * receiver on Nestwerk is told — from now on it reads 403 instead of the shared data. Runs in the
 * transaction of the withdrawal.
 */
export async function stopSharingOnConsent(
  trx: Db,
  ctx: RequestContext,
  consentId: string,
  familyId: string,
): Promise<string[]> {
  const ids = await markSharingStopped(trx, ctx.at, consentId);
  if (ids.length > 0)
    await auditAlso(trx, ctx, {
      action: 'referral.sharing_stopped',
      outcome: 'success',
      purpose: 'care',
      basis: 'consent',
      basisDetail: 'Consent withdrawn',
      familyId,
      personIds: [],
      details: { consentId, referralIds: ids },
    });
  return ids;
}

/**
 * The part of a withdrawal every withdrawer shares (a professional, or the parent in the portal, who audits it
 * as their own action): the referrals resting on the consent are marked and their receivers told.
 */
export async function markSharingStopped(trx: Db, at: string, consentId: string): Promise<string[]> {
  const affected = await referralsOnConsent(trx, consentId);
  for (const r of affected) {
    await updateReferral(trx, r.id, {}, { consent_withdrawn_at: at }, at);
    if (r.receiver_organisation_id !== null && r.sent_at !== null)
      await notify(
        trx,
        await receiverUserIds(trx, r.receiver_organisation_id),
        'consent_withdrawn',
        r.id,
        at,
      );
  }
  return affected.map((r) => r.id);
}

/** Withdraws the consent a referral rests on, from the referral itself. */
export function withdrawReferralConsent(ctx: RequestContext, id: string): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'consent.withdraw' },
    async (trx, grant) => {
      const r = await requireLiveReferral(trx, id);
      if (r.consent_id === null)
        throw new HttpError('conflict', 'This referral does not rest on a consent.', 'consentId', {
          basis: r.basis,
        });
      const withdrawn = await withdrawConsent(trx, r.consent_id, ctx.at);
      const stopped = await stopSharingOnConsent(trx, ctx, r.consent_id, grant.familyId);
      if (!withdrawn && stopped.length === 0)
        throw new HttpError('conflict', 'This consent was already withdrawn.', 'consentId', {
          current: await loadReferralOut(trx, id, ctx.today),
        });
      return {
        value: await loadReferralOut(trx, id, ctx.today),
        details: { consentId: r.consent_id, referralIds: stopped },
      };
    },
  );
}
