import type { QuestionnaireScore } from '@nestwerk/engine';
import type { CaregiverRole } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import type { ImportedRecordTable } from '../db/schema.ts';
import type { ClinicalRead } from '../fhir/import-clinical.ts';
import type { PartnerRead } from '../fhir/import-referrals.ts';
import type { InstrumentResultRead, ScreeningRead } from '../fhir/import-results.ts';
import type { StoredScreeningResult } from '../presenters/screening.ts';
import type { Db } from '../repositories/db.ts';
import { insertInstrumentResponse } from '../repositories/instrument-responses.ts';
import { organisationRegion } from '../repositories/organisations.ts';
import { insertParentScreening } from '../repositories/parent-screenings.ts';
import { insertReferral } from '../repositories/referrals.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { BundleRejected } from './family-import-rejected.ts';
import { engineScreening, isScreened, organisationThresholds, screeningOutcome } from './perinatal.ts';

/**
 * Writes what an imported Bundle holds beyond contacts, agreements and consents: the parents' screenings
 * (before the contacts, so that a contact's suggestion is worked out again with the screenings the sender had), the
 * questionnaires about the child, and the referrals. All are history: a screening keeps the outcome the sender
 * recorded (an urgent one notifies nobody here), and a referral keeps its status, reaches no partner (no
 * receiving organisation, no notification) and cannot be sent again (referral-load.ts refuses imported ones).
 */

export type Mark = (
  kind: ImportedRecordTable['record_kind'],
  recordId: string,
  sourceId: string | null,
  author?: string | null,
) => void;

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

function rejectScreening(s: ScreeningRead, code: string): never {
  throw new BundleRejected([
    { entry: s.entry, resourceType: 'Observation', path: 'Observation.focus[0]', code },
  ]);
}

export async function writeScreenings(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  screenings: readonly ScreeningRead[],
  personId: (entry: number) => string,
  mark: Mark,
): Promise<Array<{ id: string; contactEntry: number | null }>> {
  if (screenings.length === 0) return [];
  const persons = await trx
    .selectFrom('persons')
    .select(['id', 'kind', 'caregiver_role'])
    .where('family_id', '=', familyId)
    .execute();
  const thresholds = await organisationThresholds(trx, ctx.principal.organisationId);
  const region = await organisationRegion(trx, ctx.principal.organisationId);
  const base = Date.parse(ctx.at);
  // The file orders a parent's screenings of one day by when they were recorded, which the Bundle does not
  // carry: written oldest first a millisecond apart, they keep the sender's order.
  const oldestFirst = [...screenings].reverse();
  const written: Array<{ id: string; contactEntry: number | null }> = [];
  for (const [k, s] of oldestFirst.entries()) {
    const person = persons.find((p) => p.id === personId(s.personEntry));
    if (!person || !isScreened(person) || person.caregiver_role === null) rejectScreening(s, 'not_parent');
    const role: CaregiverRole = person.caregiver_role;
    const engine = screeningOutcome(region, role, engineScreening(s.instrument, s.answers), thresholds);
    // The outcome stays the sender's; the engine's words go with it only when the engine agrees with it here.
    const agrees = engine.outcome === s.outcome;
    const stored: StoredScreeningResult = {
      reasons: agrees ? engine.reasons : [],
      nextStep: agrees ? engine.nextStep : '',
      sources: agrees ? engine.sources : [],
      thresholds,
    };
    const id = uuid();
    await insertParentScreening(trx, {
      id,
      family_id: familyId,
      person_id: person.id,
      // Linked to its contact once the contacts exist (linkScreenings): they are written after the screenings.
      contact_id: null,
      instrument: s.instrument,
      date: s.date,
      answers_json: JSON.stringify(s.answers),
      total: s.total,
      item10: s.item10,
      outcome: s.outcome,
      result_json: JSON.stringify(stored),
      created_by: ctx.principal.userId,
      created_at: new Date(base - (oldestFirst.length - 1 - k)).toISOString(),
    });
    mark('screening', id, s.sourceId, s.professionalName);
    written.push({ id, contactEntry: s.contactEntry });
  }
  return written;
}

export async function linkScreenings(
  trx: Db,
  written: ReadonlyArray<{ id: string; contactEntry: number | null }>,
  contactId: (entry: number | null) => string | null,
): Promise<void> {
  for (const w of written) {
    const contact = contactId(w.contactEntry);
    if (contact !== null)
      await trx
        .updateTable('parent_screenings')
        .set({ contact_id: contact })
        .where('id', '=', w.id)
        .execute();
  }
}

/**
 * The score as the sender's Observation gives it: per scale the score and band and the Dutch label. What the
 * export does not carry (answered and missing counts, proration, the interpretation text) is not invented: no
 * proration, nothing missing.
 */
function scoreOf(r: InstrumentResultRead): QuestionnaireScore | null {
  if (r.scales === null) return null;
  const answered = r.answers ? Object.values(r.answers).filter((v) => v !== null).length : 0;
  return {
    questionnaireId: r.instrumentId,
    version: r.definitionVersion ?? '',
    scales: r.scales.map((s) => ({
      id: s.id,
      label: { nl: s.label, en: s.label },
      score: s.score,
      answered,
      missing: 0,
      prorated: false,
      band: s.band,
      interpretation: null,
    })),
    criticalItems: [],
  };
}

export async function writeInstrumentResults(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  results: readonly InstrumentResultRead[],
  personId: (entry: number) => string,
  contactId: (entry: number | null) => string | null,
  mark: Mark,
): Promise<number> {
  for (const r of [...results].reverse()) {
    const id = uuid();
    await insertInstrumentResponse(trx, {
      id,
      family_id: familyId,
      child_id: personId(r.childEntry),
      contact_id: contactId(r.contactEntry),
      instrument_id: r.instrumentId,
      definition_version: r.definitionVersion ?? '',
      answers_json: r.answers ? JSON.stringify(r.answers) : 'null',
      score_json: JSON.stringify(scoreOf(r)),
      created_by: ctx.principal.userId,
      created_at: r.createdAt,
    });
    mark('instrument_response', id, r.sourceId);
  }
  return results.length;
}
