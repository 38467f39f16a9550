import type { ParentScreening, PerinatalThresholdSetting } from '@nestwerk/contract';
import type { ParentMentalHealth } from '@nestwerk/engine';
import {
  DEFAULT_PERINATAL_THRESHOLDS,
  PERINATAL_THRESHOLD_BOUNDS,
  type PerinatalThresholds,
} from '@nestwerk/knowledge';
import type { ParentScreeningRow } from '../repositories/parent-screenings.ts';
import type { PerinatalThresholdsRow } from '../repositories/perinatal-thresholds.ts';

/** What result_json holds: the engine's words for this screening and the thresholds it used. */
export interface StoredScreeningResult {
  reasons: ParentMentalHealth['reasons'];
  nextStep: ParentMentalHealth['nextStep'];
  sources: ParentMentalHealth['sources'];
  /** Absent in a result stored before the cut-offs were kept with it. */
  thresholds: PerinatalThresholds;
}

export function presentScreening(row: ParentScreeningRow, role: ParentScreening['role']): ParentScreening {
  const answers = JSON.parse(row.answers_json) as { answers?: boolean[]; items?: number[] };
  const result = JSON.parse(row.result_json) as StoredScreeningResult;
  return {
    id: row.id,
    familyId: row.family_id,
    personId: row.person_id,
    role,
    instrument: row.instrument,
    date: row.date,
    contactId: row.contact_id,
    answers: answers.answers ?? null,
    total: row.total,
    item10: row.item10,
    items: answers.items ?? null,
    outcome: row.outcome,
    reasons: result.reasons,
    nextStep: result.nextStep,
    sources: result.sources,
    thresholds: result.thresholds ?? null,
    professional: { id: row.created_by, displayName: row.professional_name },
    source: row.source,
    createdAt: row.created_at,
  };
}

export function presentThresholdSetting(
  thresholds: PerinatalThresholds,
  row: PerinatalThresholdsRow | undefined,
): PerinatalThresholdSetting {
  return {
    thresholds,
    defaults: DEFAULT_PERINATAL_THRESHOLDS,
    bounds: PERINATAL_THRESHOLD_BOUNDS,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}
