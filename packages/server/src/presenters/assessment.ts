import type { BalanceByLevel, StoredAssessment } from '@nestwerk/contract';
import type { Assessment } from '@nestwerk/engine';
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

function isTally(v: unknown): v is { hindering: number; protective: number } {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return typeof t.hindering === 'number' && typeof t.protective === 'number';
}

/**
 * The burden/strength tally per level from a stored result's `balance.byLevel` (JSON text, cut out by the
 * query); null if it is missing (older rows).
 */
export function balanceByLevel(byLevelJson: string | null): BalanceByLevel | null {
  if (!byLevelJson) return null;
  try {
    const byLevel = JSON.parse(byLevelJson) as Record<string, unknown> | null;
    if (!byLevel || !isTally(byLevel.parent) || !isTally(byLevel.family) || !isTally(byLevel.child))
      return null;
    return {
      parent: { hindering: byLevel.parent.hindering, protective: byLevel.parent.protective },
      family: { hindering: byLevel.family.hindering, protective: byLevel.family.protective },
      child: { hindering: byLevel.child.hindering, protective: byLevel.child.protective },
    };
  } catch {
    return null;
  }
}
