import type { QuestionnaireScore } from '@nestwerk/engine';
import type { CaregiverRole } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import type { ImportedRecordTable } from '../db/schema.ts';
import type { InstrumentResultRead, ScreeningRead } from '../fhir/import-results.ts';
import type { StoredScreeningResult } from '../presenters/screening.ts';
import type { Db } from '../repositories/db.ts';
import { insertInstrumentResponse } from '../repositories/instrument-responses.ts';
import { organisationRegion } from '../repositories/organisations.ts';
import { insertParentScreening } from '../repositories/parent-screenings.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { BundleRejected } from './family-import-rejected.ts';
import { engineScreening, isScreened, organisationThresholds, screeningOutcome } from './perinatal.ts';

/**
 * Writes the questionnaire results of an imported Bundle: the parents' screenings (before the contacts, so that a
 * contact's suggestion is worked out again with the screenings the sender had) and the questionnaires about the
 * child. Both are history: a screening keeps the outcome the sender recorded, and an urgent one notifies nobody
 * here. Referrals are written by family-import-referrals.ts.
 */

export type Mark = (
  kind: ImportedRecordTable['record_kind'],
  recordId: string,
  sourceId: string | null,
  author?: string | null,
) => void;

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
