import type { Referral, SendIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import {
  auditAlso,
  buildSnapshot,
  familyOfReferral,
  loadReferralOut,
  partnerOf,
  requireLiveReferral,
} from '../../domain/referral-load.ts';
import { HttpError } from '../../http/errors.ts';
import { invalidTransition } from '../../network/lifecycle.ts';
import { itemsOf, normaliseItems } from '../../network/share.ts';
import { codesOf } from '../../network/vocabulary.ts';
import { addDays } from '../../policies/calendar.ts';
import { decideNoConsentConfirmation, maySendNoConsent } from '../../policies/referrals.ts';
import { missingAnswers, parseAnswers } from '../../presenters/referral.ts';
import type { Db } from '../../repositories/db.ts';
import { notify, receiverUserIds } from '../../repositories/notifications.ts';
import type { PartnerRow } from '../../repositories/partners.ts';
import {
  firstSignalDate,
  insertStatusHistory,
  type ReferralRow,
  updateReferral,
} from '../../repositories/referrals.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { usableConsent } from './draft.ts';

/**
 * Days a partner has to report back when the social map records no agreement. Thema 4 asks for concrete
 * agreements on feedback; this is only the fallback, so that missing feedback still surfaces.
 */
export const DEFAULT_FEEDBACK_DAYS = 14;

const unprocessable = (message: string, field: string) => new HttpError('unprocessable', message, field);

async function current(trx: Db, id: string, version: number, today: string): Promise<ReferralRow> {
  const r = await requireLiveReferral(trx, id);
  if (r.version !== version) throw conflict('referral', await loadReferralOut(trx, id, today));
  return r;
}

const CONFIRM_REFUSAL = {
  role: 'Only a team lead can confirm sharing without consent.',
  other_organisation: 'Only a team lead of the referring organisation can confirm this referral.',
  own_referral: 'You made this referral: a second professional must confirm it, not you.',
} as const;

/**
 * The second professional of the no-consent route (Thema 4): a team lead of the same organisation, not the
 * referrer, confirms after reading the five answers. Logged with basis 'no_consent', flagged.
 */
export function confirmNoConsent(
  ctx: RequestContext,
  id: string,
  body: { version: number },
): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.confirm' },
    async (trx, grant) => {
      const r = await current(trx, id, body.version, ctx.today);
      if (r.status !== 'draft') throw invalidTransition(r.status, 'sent');
      if (r.basis !== 'no_consent')
        throw unprocessable('This referral rests on a consent; there is nothing to confirm.', 'basis');
      const decision = decideNoConsentConfirmation(ctx.principal, {
        referrerId: r.referrer_id,
        organisationId: r.organisation_id,
      });
      if (!decision.allowed)
        throw new HttpError('forbidden', CONFIRM_REFUSAL[decision.why]).because('channel');
      const missing = missingAnswers(parseAnswers(r.no_consent_json));
      if (missing[0] !== undefined)
        throw unprocessable(
          `Answer all five questions before confirming; still open: ${missing.join(', ')}.`,
          `noConsent.${missing[0]}`,
        );
      if (
        !(await updateReferral(
          trx,
          id,
          { version: body.version, status: 'draft' },
          { confirmed_by: ctx.principal.userId, confirmed_at: ctx.at },
          ctx.at,
        ))
      )
        throw conflict('referral', await loadReferralOut(trx, id, ctx.today));
      await auditAlso(trx, ctx, {
        action: 'referral.no_consent.confirm',
        outcome: 'success',
        purpose: 'care',
        basis: 'no_consent',
        basisDetail: 'Five questions of Thema 4 answered; confirmed by a second professional',
        familyId: grant.familyId,
        personIds: [r.child_id],
        details: { referralId: id, referrerId: r.referrer_id, flagged: true },
      });
      return { value: await loadReferralOut(trx, id, ctx.today), details: { referralId: id, flagged: true } };
    },
  );
}

function hasReason(r: ReferralRow): boolean {
  return (
    codesOf(r.criteria_json).length > 0 || codesOf(r.imh_reasons_json).length > 0 || r.reason_text !== null
  );
}

async function checkBasis(trx: Db, ctx: RequestContext, r: ReferralRow, partner: PartnerRow): Promise<void> {
  if (r.basis === 'consent') {
    if (r.consent_id === null) throw unprocessable('Record the consent this referral rests on.', 'consentId');
    try {
      await usableConsent(trx, r.family_id, r.consent_id, ctx.today, partner, itemsOf(r.items_json));
    } catch (err) {
      if (err instanceof HttpError && err.error === 'unprocessable') throw err;
      if (err instanceof HttpError) throw unprocessable(err.message, 'consentId');
      throw err;
    }
    return;
  }
  const missing = missingAnswers(parseAnswers(r.no_consent_json));
  if (missing[0] !== undefined)
    throw unprocessable(
      `Without consent, all five questions must be answered first; still open: ${missing.join(', ')}.`,
      `noConsent.${missing[0]}`,
    );
  if (r.confirmed_by === null)
    throw unprocessable(
      'Without consent, a team lead (not you) must confirm this referral before it can be sent.',
      'confirmation',
    );
  if (!maySendNoConsent(ctx.principal.userId, { referrerId: r.referrer_id, confirmedBy: r.confirmed_by }))
    throw unprocessable(
      'The team lead who confirmed the referral cannot also send it: two people, always.',
      'confirmation',
    );
}

/**
 * The referral with the items ticked on screen when sending. A team lead who confirmed a referral without
 * consent confirmed the selection they saw: a different one needs their confirmation again, as after a PATCH.
 */
function withScreenItems(r: ReferralRow, items: SendIn['items']): { row: ReferralRow; changed: boolean } {
  if (items === undefined) return { row: r, changed: false };
  const next = normaliseItems(items);
  const changed = next.join() !== itemsOf(r.items_json).join();
  if (!changed) return { row: r, changed: false };
  if (r.basis === 'no_consent' && r.confirmed_by !== null)
    throw unprocessable(
      'The team lead confirmed this referral with other items ticked. Save the selection and ask them to confirm it again.',
      'items',
    );
  return { row: { ...r, items_json: JSON.stringify(next) }, changed: true };
}

/**
 * Sends a draft: checks the basis, freezes exactly what the preview showed into `shared_json`, starts the
 * feedback clock, puts it in the partner's intake queue (or records that it went by phone, e-mail or post),
 * and writes the disclosure to the audit log with its basis.
 */
export function sendReferral(ctx: RequestContext, id: string, body: SendIn): Promise<Referral> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.send' },
    async (trx, grant) => {
      const r = await current(trx, id, body.version, ctx.today);
      if (r.status !== 'draft') throw invalidTransition(r.status, 'sent');
      const partner = await partnerOf(trx, r);
      if (partner.archived_at !== null)
        throw unprocessable('This partner was removed from the social map; choose another one.', 'partnerId');
      const onNestwerk = partner.nestwerk_organisation_id !== null;
      const channel = body.channel ?? (onNestwerk ? 'nestwerk' : undefined);
      if (channel === undefined)
        throw new HttpError(
          'invalid_input',
          'This partner does not use Nestwerk: say how the referral goes out (phone, email or post).',
          'channel',
        ).because('channel');
      if ((channel === 'nestwerk') !== onNestwerk)
        throw new HttpError(
          'invalid_input',
          onNestwerk
            ? 'This partner receives referrals in Nestwerk: send it there (channel nestwerk).'
            : 'This partner does not use Nestwerk: choose phone, email or post.',
          'channel',
        );
      if (!hasReason(r))
        throw unprocessable(
          'Give the reason for the referral (criteria, IMH reasons or a short text).',
          'reason',
        );
      const chosen = withScreenItems(r, body.items);
      await checkBasis(trx, ctx, chosen.row, partner);

      const shared = await buildSnapshot(trx, chosen.row, ctx.today);
      const receiver = channel === 'nestwerk' ? partner.nestwerk_organisation_id : null;
      const sent = await updateReferral(
        trx,
        id,
        { version: body.version, status: 'draft' },
        {
          status: 'sent',
          channel,
          ...(chosen.changed ? { items_json: chosen.row.items_json } : {}),
          shared_json: JSON.stringify(shared),
          sent_at: ctx.at,
          sent_by: ctx.principal.userId,
          feedback_due: addDays(ctx.today, partner.feedback_days ?? DEFAULT_FEEDBACK_DAYS),
          receiver_organisation_id: receiver,
          first_signal_date: await firstSignalDate(trx, r.family_id),
        },
        ctx.at,
      );
      if (!sent) throw conflict('referral', await loadReferralOut(trx, id, ctx.today));
      await insertStatusHistory(trx, {
        id: uuid(),
        referral_id: id,
        status: 'sent',
        at: ctx.at,
        by_user_id: ctx.principal.userId,
        by_organisation_id: ctx.principal.organisationId,
        note: channel,
      });
      if (receiver !== null)
        await notify(trx, await receiverUserIds(trx, receiver), 'referral_received', id, ctx.at);
      await auditAlso(trx, ctx, {
        action: 'referral.share',
        outcome: 'success',
        purpose: 'referral',
        basis: r.basis,
        basisDetail:
          r.basis === 'no_consent'
            ? `Shared WITHOUT consent after the five questions of Thema 4; confirmed by ${r.confirmed_by}`
            : `Consent ${r.consent_id}`,
        familyId: grant.familyId,
        personIds: [r.child_id],
        details: {
          referralId: id,
          partnerId: partner.id,
          receiverOrganisationId: receiver,
          channel,
          items: shared.items,
          itemsChangedAtSend: chosen.changed,
          consentId: r.consent_id,
          confirmedBy: r.confirmed_by,
          flagged: r.basis === 'no_consent',
        },
      });
      return {
        value: await loadReferralOut(trx, id, ctx.today),
        personIds: [r.child_id],
        details: { referralId: id, channel, basis: r.basis },
      };
    },
  );
}
