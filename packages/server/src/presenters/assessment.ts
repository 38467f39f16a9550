import type { BalanceByLevel, StoredAssessment } from '@nestwerk/contract';
import type { Assessment } from '@nestwerk/engine';
import type { LevelTallyColumns } from '../db/schema.ts';
import type { AssessmentRow } from '../repositories/assessments.ts';
import { flag } from '../repositories/db.ts';

export function presentAssessment(a: AssessmentRow): StoredAssessment {
  // Written by this server from the engine's own output (see recordContact), so the shape is known.
  const result = JSON.parse(a.result_json) as Assessment;
  return {
    ...result,
    id: a.id,
    contactId: a.contact_id,
    agreedBand: a.agreed_band,
    agreedNote: a.agreed_note,
    cumulativeRisk: flag(a.cumulative_risk),
    safetyConcern: flag(a.safety_concern),
    createdAt: a.created_at,
  };
}

/**
 * The burden/strength tally per level of a contact's assessment, from the columns stored beside its result;
 * null if any is missing (no assessment, or a result without a tally).
 */
export function balanceByLevel(row: LevelTallyColumns): BalanceByLevel | null {
  const parent = tally(row.balance_parent_hindering, row.balance_parent_protective);
  const family = tally(row.balance_family_hindering, row.balance_family_protective);
  const child = tally(row.balance_child_hindering, row.balance_child_protective);
  return parent && family && child ? { parent, family, child } : null;
}

function tally(
  hindering: number | null,
  protective: number | null,
): { hindering: number; protective: number } | null {
  return hindering !== null && protective !== null ? { hindering, protective } : null;
}
