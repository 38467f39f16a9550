import type { TransferIn, TransferResult } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { exportBundle } from '../../fhir/export-bundle.ts';
import { loadFhirInput } from '../../fhir/load-input.ts';
import { HttpError } from '../../http/errors.ts';
import { addDays } from '../../policies/calendar.ts';
import { type TransferConsentRefusal, transferConsentRefusal } from '../../policies/transfer-consent.ts';
import { findConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
import { requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

const REFUSAL_MESSAGE: Record<TransferConsentRefusal['code'], string> = {
  consent_withdrawn: 'This consent was withdrawn; the file cannot be handed over on it.',
  consent_expired: 'This consent has expired; record a new one with the parent.',
  consent_scope:
    'This consent does not cover the whole file; a transfer needs the parent’s consent to hand over everything.',
};

/**
 * The hand-over rests on the parents' consent to share the file with the receiving organisation (the consent's
 * recipient is that organisation): withdrawn, expired or too narrow for the whole file, it stops the transfer,
 * as it stops a referral (policies/transfer-consent.ts holds the rule).
 */
async function transferConsent(trx: Db, familyId: string, consentId: string, today: string) {
  const consent = await findConsent(trx, consentId);
  if (!consent || consent.family_id !== familyId)
    throw new HttpError(
      'invalid_input',
      'This consent is not part of this family’s file.',
      'consentId',
    ).because('not_in_file');
  const refusal = transferConsentRefusal(consent, today);
  if (refusal)
    throw new HttpError('unprocessable', REFUSAL_MESSAGE[refusal.code], 'consentId').because(
      refusal.code,
      refusal.code === 'consent_scope' ? { items: refusal.missing.join(', ') } : undefined,
    );
  return consent;
}

const isTeamLead = (role: string) => role === 'team_lead';

/**
 * A team lead hands the family over: the file is exported as a FHIR Bundle for the receiving organisation,
 * the transfer is recorded (who, to whom, on which consent, when) and this organisation's care relationships
 * end yesterday, so the family leaves every worklist today. The file stays, as history, in the same
 * transaction's all-or-nothing; the audit line is the export's.
 */
export async function transferFamily(
  ctx: RequestContext,
  familyId: string,
  input: TransferIn,
): Promise<TransferResult> {
  await requireRoleFor(ctx, isTeamLead, 'family.transfer');
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'family.transfer' }, async (trx) => {
    const consent = await transferConsent(trx, familyId, input.consentId, ctx.today);
    const loaded = await loadFhirInput(trx, familyId, { at: ctx.at, today: ctx.today }, ctx.secrets);
    if (!loaded) throw notFound();
    const bundle = exportBundle(loaded.input);
    const transfer = {
      id: uuid(),
      family_id: familyId,
      organisation_id: ctx.principal.organisationId,
      consent_id: consent.id,
      to_organisation: consent.recipient,
      transferred_by: ctx.principal.userId,
      transferred_at: ctx.at,
    };
    await trx.insertInto('family_transfers').values(transfer).execute();
    const ended = await trx
      .updateTable('care_relationships')
      .set({ end_date: addDays(ctx.today, -1) })
      .where('family_id', '=', familyId)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', ctx.today)]))
      .executeTakeFirst();
    return {
      value: {
        transfer: {
          id: transfer.id,
          familyId,
          toOrganisation: transfer.to_organisation,
          consentId: consent.id,
          transferredBy: transfer.transferred_by,
          transferredAt: transfer.transferred_at,
        },
        // The Bundle's own FHIR types are wider than the contract's pass-through shape.
        bundle: bundle as unknown as TransferResult['bundle'],
      },
      personIds: loaded.personIds,
      details: {
        toOrganisation: transfer.to_organisation,
        consentId: consent.id,
        endedRelationships: Number(ended.numUpdatedRows),
        entries: bundle.entry?.length ?? 0,
      },
    };
  });
}
