import type { NoConsentIn, Referral, ReferralIn, ReferralPatchIn } from '@nestwerk/contract';
import { consentMismatch, normaliseScope } from '@nestwerk/engine';
import { DEFAULT_SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import type { ReferralTable } from '../../db/schema.ts';
import { fromContact } from '../../domain/referral-defaults.ts';
import {
  auditAlso,
  familyOfReferral,
  loadReferralOut,
  partnerOf,
  requireLiveReferral,
} from '../../domain/referral-load.ts';
import { HttpError } from '../../http/errors.ts';
import { itemsOf, normaliseItems } from '../../network/share.ts';
import { inCodeOrder, type Vocabulary } from '../../network/vocabulary.ts';
import { consentScope } from '../../presenters/consent.ts';
import { parseAnswers } from '../../presenters/referral.ts';
import { type ConsentRow, findConsent, insertConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
import { findPartner, type PartnerRow } from '../../repositories/partners.ts';
import { listPersons, type PersonRow } from '../../repositories/persons.ts';
import {
  firstSignalDate,
  insertReferral,
  insertStatusHistory,
  type ReferralPatch,
  updateReferral,
} from '../../repositories/referrals.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

const json = (v: unknown) => JSON.stringify(v);
const list = (vocabulary: Vocabulary, codes: readonly string[]) => json(inCodeOrder(vocabulary, codes));

async function activePartner(trx: Db, ctx: RequestContext, partnerId: string): Promise<PartnerRow> {
  const partner = await findPartner(trx, ctx.principal.organisationId, partnerId);
  if (!partner || partner.archived_at !== null)
    throw new HttpError(
      'invalid_input',
      'This partner is not on your organisation’s social map.',
      'partnerId',
    ).because('not_on_social_map');
  return partner;
}

function chooseChild(persons: readonly PersonRow[], childId: string | undefined): PersonRow {
  const children = persons.filter((p) => p.kind === 'child');
  if (childId !== undefined) {
    const child = children.find((c) => c.id === childId);
    if (!child)
      throw new HttpError('invalid_input', 'childId is not a child in this family.', 'childId').because(
        'not_in_family',
      );
    return child;
  }
  const only = children.length === 1 ? children[0] : undefined;
  if (!only)
    throw new HttpError(
      'invalid_input',
      'This family has more than one child: say which child the referral is about.',
      'childId',
    ).because('required');
  return only;
}

function mismatchError(
  consent: ConsentRow,
  partner: PartnerRow,
  items: readonly ShareItem[],
): HttpError | null {
  const mismatch = consentMismatch(
    {
      recipient: {
        partnerId: consent.recipient_partner_id,
        kind: consent.recipient_kind,
        name: consent.recipient,
      },
      scope: consentScope(consent),
    },
    partner,
    items,
  );
  if (mismatch === null) return null;
  switch (mismatch.why) {
    case 'legacy':
      return new HttpError(
        'unprocessable',
        `This consent was recorded without a recipient and scope the referral can be checked against; record the parents’ consent for ${partner.name} and what may be shared.`,
        'consentId',
        { mismatch: 'legacy' },
      ).because('consent_legacy');
    case 'recipient':
      return new HttpError(
        'unprocessable',
        `This consent was given for “${consent.recipient}”, not for ${partner.name}: record the parents’ consent for this partner.`,
        'consentId',
        { mismatch: 'recipient', consentRecipient: consent.recipient, partner: partner.name },
      ).because('consent_recipient');
    case 'scope':
      return new HttpError(
        'unprocessable',
        `The consent does not cover: ${mismatch.outside.join(', ')}. Share less, or record the parents’ consent for these items.`,
        'items',
        { mismatch: 'scope', outside: mismatch.outside },
      ).because('consent_scope', { items: mismatch.outside.join(', ') });
  }
}

/**
 * A consent the referral can rest on: of this family, not withdrawn, not expired, given for this partner
 * (guideline Thema 4: consent is for a receiver), and covering every item the referral shares.
 */
export async function usableConsent(
  trx: Db,
  familyId: string,
  consentId: string,
  today: string,
  partner: PartnerRow,
  items: readonly ShareItem[],
): Promise<void> {
  const consent = await findConsent(trx, consentId);
  if (!consent || consent.family_id !== familyId)
    throw new HttpError(
      'invalid_input',
      'This consent is not part of this family’s file.',
      'consentId',
    ).because('not_in_file');
  if (consent.withdrawn_at !== null)
    throw new HttpError(
      'invalid_input',
      'This consent was withdrawn; it cannot carry a referral.',
      'consentId',
    ).because('consent_withdrawn');
  if (consent.valid_until !== null && consent.valid_until < today)
    throw new HttpError(
      'invalid_input',
      'This consent has expired; record a new one with the parent.',
      'consentId',
    ).because('consent_expired');
  const mismatch = mismatchError(consent, partner, items);
  if (mismatch) throw mismatch;
}

const BASIS_MESSAGE =
  'Say what the referral rests on: a consent (consentId, or consent to record it now), or — only without consent — the answers to the five questions (noConsent).';

export function createReferral(ctx: RequestContext, familyId: string, body: ReferralIn): Promise<Referral> {
  const bases = [body.consentId, body.consent, body.noConsent].filter((b) => b !== undefined).length;
  if (bases !== 1) throw new HttpError('invalid_input', BASIS_MESSAGE, 'consentId').because('consent_basis');
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'referral.create' }, async (trx) => {
    const { principal, at } = ctx;
    const partner = await activePartner(trx, ctx, body.partnerId);
    const persons = await listPersons(trx, familyId);
    const child = chooseChild(persons, body.childId);
    const seen = await fromContact(trx, familyId, body.contactId);
    let advised: string[] = seen.recommendations.flatMap((r) => r.interventions);
    if (body.recommendationId !== undefined) {
      const rec = seen.recommendations.find((r) => r.id === body.recommendationId);
      if (!rec)
        throw new HttpError(
          'invalid_input',
          'The contact’s assessment has no recommendation with this id.',
          'recommendationId',
        ).because('unknown_recommendation');
      advised = rec.interventions;
    }
    const offered = await trx
      .selectFrom('partner_interventions')
      .select('intervention_code')
      .where('partner_id', '=', partner.id)
      .execute();
    const offers = new Set(offered.map((o) => o.intervention_code));

    const items = normaliseItems(body.items ?? DEFAULT_SHARE_ITEMS);
    let consentId: string | null = body.consentId ?? null;
    if (body.consentId !== undefined)
      await usableConsent(trx, familyId, body.consentId, ctx.today, partner, items);
    if (body.consent !== undefined) {
      const giver = persons.find((p) => p.id === body.consent?.givenBy && p.kind === 'caregiver');
      if (!giver)
        throw new HttpError(
          'invalid_input',
          'givenBy must be a caregiver in this family.',
          'consent.givenBy',
        ).because('not_caregiver');
      if (body.consent.validUntil !== undefined && body.consent.validUntil < ctx.today)
        throw new HttpError(
          'invalid_input',
          'A consent cannot end before today.',
          'consent.validUntil',
        ).because('in_past');
      // Recorded with the referral: for this partner, covering what the referral shares unless narrowed.
      const scope = normaliseScope(body.consent.scope ?? items);
      const outside = items.filter((i) => !scope.includes(i));
      if (outside.length > 0)
        throw new HttpError(
          'unprocessable',
          `The consent does not cover: ${outside.join(', ')}. Share less, or widen what the parents consent to.`,
          'items',
          { mismatch: 'scope', outside },
        ).because('consent_scope', { items: outside.join(', ') });
      consentId = uuid();
      await insertConsent(trx, {
        id: consentId,
        family_id: familyId,
        given_by: giver.id,
        purpose: body.consent.purpose,
        recipient: partner.name,
        recipient_partner_id: partner.id,
        recipient_kind: null,
        scope: null,
        scope_items_json: json(scope),
        given_at: at,
        valid_until: body.consent.validUntil ?? null,
        withdrawn_at: null,
        recorded_by: principal.userId,
        created_at: at,
        version: 1,
      });
      await auditAlso(trx, ctx, {
        action: 'consent.give',
        outcome: 'success',
        purpose: 'care',
        basis: 'care_relationship',
        basisDetail: null,
        familyId,
        personIds: [giver.id],
        details: { consentId, recipientPartnerId: partner.id, scope },
      });
    }

    const id = uuid();
    const row: ReferralTable = {
      id,
      organisation_id: principal.organisationId,
      family_id: familyId,
      child_id: child.id,
      contact_id: seen.contactId,
      recommendation_id: body.recommendationId ?? null,
      partner_id: partner.id,
      receiver_organisation_id: null,
      referrer_id: principal.userId,
      referrer_phone: body.referrerPhone ?? null,
      status: 'draft',
      channel: null,
      criteria_json: list('criterion', body.criteria ?? seen.criteria),
      imh_reasons_json: list('imh', body.imhReasons ?? seen.imhReasons),
      reason_text: body.reasonText ?? null,
      interventions_json: list('intervention', body.interventions ?? advised.filter((c) => offers.has(c))),
      cues_json: list('cue', body.cues ?? seen.cues),
      factors_json: list('factor', body.factors ?? seen.factors),
      parent_wishes: body.parentWishes ?? null,
      items_json: json(items),
      basis: body.noConsent ? 'no_consent' : 'consent',
      consent_id: consentId,
      no_consent_json: body.noConsent ? json(body.noConsent) : null,
      confirmed_by: null,
      confirmed_at: null,
      shared_json: null,
      sent_at: null,
      sent_by: null,
      feedback_due: null,
      feedback_received_at: null,
      decline_reason: null,
      intake_date: null,
      consent_withdrawn_at: null,
      first_signal_date: await firstSignalDate(trx, familyId),
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await insertReferral(trx, row);
    await insertStatusHistory(trx, {
      id: uuid(),
      referral_id: id,
      status: 'draft',
      at,
      by_user_id: principal.userId,
      by_organisation_id: principal.organisationId,
      note: null,
    });
    return {
      value: await loadReferralOut(trx, id, ctx.today),
      personIds: [child.id],
      details: { referralId: id, partnerId: partner.id, basis: row.basis },
    };
  });
}

function mergeAnswers(previous: string | null, given: NoConsentIn): string {
  return json({ ...parseAnswers(previous), ...given });
}

/**
 * Changes a draft. Anything changed after a team lead confirmed a no-consent referral needs their
 * confirmation again: they confirmed what they saw, not what came after.
 */
export function patchReferral(ctx: RequestContext, id: string, body: ReferralPatchIn): Promise<Referral> {
  if (body.consentId !== undefined && body.noConsent !== undefined)
    throw new HttpError('invalid_input', BASIS_MESSAGE, 'consentId').because('consent_basis');
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'write', audit: 'referral.update' },
    async (trx, grant) => {
      const current = await requireLiveReferral(trx, id);
      if (current.status !== 'draft')
        throw new HttpError(
          'conflict',
          'Only a draft referral can be changed; this one was already sent or closed.',
          'status',
          {
            status: current.status,
          },
        );
      const patch: ReferralPatch = { confirmed_by: null, confirmed_at: null };
      const newPartner = body.partnerId !== undefined ? await activePartner(trx, ctx, body.partnerId) : null;
      if (newPartner) patch.partner_id = newPartner.id;
      // A consent is given for one receiver: another partner needs the parents' consent for that partner.
      const otherPartner = patch.partner_id !== undefined && patch.partner_id !== current.partner_id;
      if (
        otherPartner &&
        current.basis === 'consent' &&
        body.consentId === undefined &&
        body.noConsent === undefined
      )
        throw new HttpError(
          'unprocessable',
          'The consent was given for the partner chosen before: record the parents’ consent for the new partner (consentId).',
          'consentId',
        ).because('consent_recipient');
      if (body.interventions !== undefined)
        patch.interventions_json = list('intervention', body.interventions);
      if (body.criteria !== undefined) patch.criteria_json = list('criterion', body.criteria);
      if (body.imhReasons !== undefined) patch.imh_reasons_json = list('imh', body.imhReasons);
      if (body.reasonText !== undefined) patch.reason_text = body.reasonText;
      if (body.parentWishes !== undefined) patch.parent_wishes = body.parentWishes;
      if (body.cues !== undefined) patch.cues_json = list('cue', body.cues);
      if (body.factors !== undefined) patch.factors_json = list('factor', body.factors);
      if (body.items !== undefined) patch.items_json = json(normaliseItems(body.items));
      if (body.referrerPhone !== undefined) patch.referrer_phone = body.referrerPhone;
      // The consent the draft will rest on must cover its partner and items as they are after this change.
      const consentAfter =
        body.consentId ??
        (body.noConsent === undefined && current.basis === 'consent' ? current.consent_id : null);
      if (
        consentAfter !== null &&
        (body.consentId !== undefined || newPartner !== null || body.items !== undefined)
      )
        await usableConsent(
          trx,
          grant.familyId,
          consentAfter,
          ctx.today,
          newPartner ?? (await partnerOf(trx, current)),
          itemsOf(patch.items_json ?? current.items_json),
        );
      if (body.consentId !== undefined)
        Object.assign(patch, { basis: 'consent', consent_id: body.consentId });
      if (body.noConsent !== undefined)
        Object.assign(patch, {
          basis: 'no_consent',
          consent_id: null,
          no_consent_json: mergeAnswers(current.no_consent_json, body.noConsent),
        });
      if (!(await updateReferral(trx, id, { version: body.version, status: 'draft' }, patch, ctx.at)))
        throw conflict('referral', await loadReferralOut(trx, id, ctx.today));
      const fields = Object.keys(body).filter((k) => k !== 'version');
      return { value: await loadReferralOut(trx, id, ctx.today), details: { referralId: id, fields } };
    },
  );
}
