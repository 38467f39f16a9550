import { v7 as uuid } from 'uuid';
import type { ClinicalRead } from '../fhir/import-clinical.ts';
import type { PartnerRead } from '../fhir/import-referrals.ts';
import type { Db } from '../repositories/db.ts';
import { organisationRegion } from '../repositories/organisations.ts';
import { insertReferral } from '../repositories/referrals.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import type { Mark } from './family-import-results.ts';

/**
 * Writes imported referrals as history and finds the partners they (and consents) name. A referral keeps its
 * status, reaches no partner (no receiving organisation, no notification) and cannot be sent again
 * (referral-load.ts refuses imported ones).
 */

export interface KnownPartner {
  id: string;
  name: string;
}

const nameKey = (name: string) => name.trim().toLocaleLowerCase('nl');

/**
 * The partners on this organisation's social map that the Bundle's partner Organizations are: by the partner id
 * when the Bundle came from this organisation itself, else by the exact name (case aside). The export writes no
 * other identifier for a partner (no AGB, KBO or URA is recorded), so a name that differs matches nothing.
 */
export async function matchPartners(
  trx: Db,
  organisationId: string,
  partners: readonly PartnerRead[],
): Promise<Map<number, KnownPartner>> {
  const out = new Map<number, KnownPartner>();
  if (partners.length === 0) return out;
  const mine = await trx
    .selectFrom('partners')
    .select(['id', 'name', 'archived_at'])
    .where('organisation_id', '=', organisationId)
    .execute();
  for (const p of partners) {
    const byId = p.sourceId === null ? undefined : mine.find((m) => m.id === p.sourceId);
    const byName = mine.find((m) => m.archived_at === null && nameKey(m.name) === nameKey(p.name));
    const hit = byId ?? byName;
    if (hit) out.set(p.entry, { id: hit.id, name: hit.name });
  }
  return out;
}

/** Not a social-map kind: the placeholder only holds the name of a partner this organisation does not know. */
export const IMPORTED_PARTNER_KIND = 'imported';

/**
 * A referral needs a partner row. For a partner this organisation does not know, an archived placeholder
 * holds the sender's name: archived, it is never offered for a new referral and does not show on the social map.
 */
async function placeholderPartner(trx: Db, ctx: RequestContext, p: PartnerRead, mark: Mark): Promise<string> {
  const id = uuid();
  const region = await organisationRegion(trx, ctx.principal.organisationId);
  await trx
    .insertInto('partners')
    .values({
      id,
      organisation_id: ctx.principal.organisationId,
      name: p.name,
      kind: IMPORTED_PARTNER_KIND,
      country: region,
      region: '',
      address: null,
      phone: null,
      email: null,
      website: null,
      intake_phone: null,
      intake_email: null,
      nestwerk_organisation_id: null,
      registration_note: null,
      feedback_days: null,
      data_exchange: null,
      reachability: null,
      note: null,
      archived_at: ctx.at,
      created_by: ctx.principal.userId,
      created_at: ctx.at,
      updated_at: ctx.at,
      version: 1,
    })
    .execute();
  mark('partner', id, p.sourceId);
  return id;
}

export async function writeReferrals(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  content: ClinicalRead,
  personId: (entry: number) => string,
  known: Map<number, KnownPartner>,
  consentIds: Map<number, string>,
  mark: Mark,
): Promise<number> {
  const partnerIds = new Map<number, string>([...known].map(([entry, p]) => [entry, p.id]));
  // Newest first in the file, ties by id: written oldest first so that new ids keep the sender's order.
  for (const r of [...content.referrals].reverse()) {
    let partnerId = partnerIds.get(r.partnerEntry);
    if (partnerId === undefined) {
      const partner = content.partners.find((p) => p.entry === r.partnerEntry);
      if (!partner) throw new Error('a referral points at a partner the reader did not read');
      partnerId = await placeholderPartner(trx, ctx, partner, mark);
      partnerIds.set(r.partnerEntry, partnerId);
    }
    const id = uuid();
    const sent = r.status !== 'draft';
    await insertReferral(trx, {
      id,
      organisation_id: ctx.principal.organisationId,
      family_id: familyId,
      child_id: personId(r.childEntry),
      contact_id: null,
      recommendation_id: null,
      partner_id: partnerId,
      // Never a receiving organisation: an imported referral lands in no partner's intake queue.
      receiver_organisation_id: null,
      referrer_id: ctx.principal.userId,
      referrer_phone: null,
      status: r.status,
      channel: null,
      criteria_json: '[]',
      imh_reasons_json: '[]',
      reason_text: r.reasonText,
      interventions_json: JSON.stringify(r.interventions),
      cues_json: '[]',
      factors_json: '[]',
      parent_wishes: null,
      items_json: '[]',
      basis: r.basis,
      consent_id: r.consentEntry === null ? null : (consentIds.get(r.consentEntry) ?? null),
      no_consent_json: null,
      confirmed_by: null,
      confirmed_at: null,
      // What went to the partner did not travel (docs/fhir.md): JSON null reads as "not known" in the file.
      shared_json: sent ? 'null' : null,
      sent_at: sent ? r.authoredOn : null,
      sent_by: null,
      feedback_due: r.feedbackDue,
      feedback_received_at: null,
      decline_reason: null,
      intake_date: null,
      consent_withdrawn_at: null,
      first_signal_date: null,
      created_at: r.authoredOn,
      updated_at: r.authoredOn,
      version: 1,
    });
    mark('referral', id, r.sourceId);
  }
  return content.referrals.length;
}
