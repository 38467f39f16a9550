import type { Consent, ConsentIn, ConsentRecipientIn } from '@nestwerk/contract';
import { normaliseScope } from '@nestwerk/engine';
import { v7 as uuid } from 'uuid';
import { stopSharingOnConsent } from '../../domain/referral-progress.ts';
import { HttpError } from '../../http/errors.ts';
import { presentConsent } from '../../presenters/consent.ts';
import { findConsent, insertConsent, withdrawConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
import { findPartner } from '../../repositories/partners.ts';
import { listPersons } from '../../repositories/persons.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

async function personNames(trx: Db, familyId: string): Promise<Map<string, string>> {
  const persons = await listPersons(trx, familyId);
  return new Map(persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
}

async function present(trx: Db, consentId: string, today: string): Promise<Consent> {
  const consent = await findConsent(trx, consentId);
  if (!consent) throw notFound();
  return presentConsent(consent, today, await personNames(trx, consent.family_id));
}

/** The receiver as stored: a partner on this organisation's map (by id, with its name), or a kind and a name. */
async function recipientColumns(trx: Db, ctx: RequestContext, recipient: ConsentRecipientIn) {
  if ('partnerId' in recipient) {
    const partner = await findPartner(trx, ctx.principal.organisationId, recipient.partnerId);
    if (!partner || partner.archived_at !== null)
      throw new HttpError(
        'invalid_input',
        'This partner is not on your organisation’s social map.',
        'recipient.partnerId',
      ).because('not_on_social_map');
    return { recipient: partner.name, recipient_partner_id: partner.id, recipient_kind: null };
  }
  return { recipient: recipient.name, recipient_partner_id: null, recipient_kind: recipient.kind };
}

export function giveConsent(ctx: RequestContext, familyId: string, body: ConsentIn): Promise<Consent> {
  if (body.validUntil !== undefined && body.validUntil < ctx.today)
    throw new HttpError('invalid_input', 'A consent cannot end before today.', 'validUntil').because(
      'in_past',
    );
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'consent.give' }, async (trx) => {
    const persons = await listPersons(trx, familyId);
    if (!persons.some((p) => p.id === body.givenBy && p.kind === 'caregiver'))
      throw new HttpError('invalid_input', 'givenBy must be a caregiver in this family.', 'givenBy').because(
        'not_caregiver',
      );
    const id = uuid();
    const recipient = await recipientColumns(trx, ctx, body.recipient);
    const scope = normaliseScope(body.scope);
    await insertConsent(trx, {
      id,
      family_id: familyId,
      given_by: body.givenBy,
      purpose: body.purpose,
      ...recipient,
      scope: null,
      scope_items_json: JSON.stringify(scope),
      given_at: ctx.at,
      valid_until: body.validUntil ?? null,
      withdrawn_at: null,
      recorded_by: ctx.principal.userId,
      created_at: ctx.at,
      version: 1,
    });
    return {
      value: await present(trx, id, ctx.today),
      personIds: [body.givenBy],
      details: {
        consentId: id,
        recipientPartnerId: recipient.recipient_partner_id,
        recipientKind: recipient.recipient_kind,
        scope,
      },
    };
  });
}

/** Withdrawal is timestamped and final; withdrawing twice is a conflict that shows when it happened. */
export function withdraw(ctx: RequestContext, consentId: string): Promise<Consent> {
  return withFamily(
    ctx,
    {
      family: (trx) => findConsent(trx, consentId).then((c) => c?.family_id),
      action: 'write',
      audit: 'consent.withdraw',
    },
    async (trx, grant) => {
      if (!(await withdrawConsent(trx, consentId, ctx.at)))
        throw conflict('consent', await present(trx, consentId, ctx.today));
      // Referrals resting on this consent stop sharing, and their receivers are told: without consent they may not keep reading.
      const referralIds = await stopSharingOnConsent(trx, ctx, consentId, grant.familyId);
      const value = await present(trx, consentId, ctx.today);
      return { value, personIds: [value.givenBy.id], details: { consentId, referralIds } };
    },
  );
}
