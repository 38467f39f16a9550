import type { Consent, ConsentIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { stopSharingOnConsent } from '../../domain/referral-progress.ts';
import { HttpError } from '../../http/errors.ts';
import { presentConsent } from '../../presenters/consent.ts';
import { findConsent, insertConsent, withdrawConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
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

export function giveConsent(ctx: RequestContext, familyId: string, body: ConsentIn): Promise<Consent> {
  if (body.validUntil !== undefined && body.validUntil < ctx.today)
    throw new HttpError('invalid_input', 'A consent cannot end before today.', 'validUntil');
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'consent.give' }, async (trx) => {
    const persons = await listPersons(trx, familyId);
    if (!persons.some((p) => p.id === body.givenBy && p.kind === 'caregiver'))
      throw new HttpError('invalid_input', 'givenBy must be a caregiver in this family.', 'givenBy');
    const id = uuid();
    await insertConsent(trx, {
      id,
      family_id: familyId,
      given_by: body.givenBy,
      purpose: body.purpose,
      recipient: body.recipient,
      scope: body.scope ?? null,
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
      details: { consentId: id, recipient: body.recipient },
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
