import type { AgreementIn, ContactIn } from '@nestwerk/contract';
import type { Assessment, AssessmentInput } from '@nestwerk/engine';
import type { AgreementTable, AssessmentTable, LevelTallyColumns } from '../db/schema.ts';
import type { AgreementPatch } from '../repositories/agreements.ts';
import type { AssessmentValues } from '../repositories/assessments.ts';
import { bit } from '../repositories/db.ts';
import type { ObservationRow } from '../repositories/observations.ts';
import type { ParentFactorRow } from '../repositories/parent-factors.ts';

const key = (o: Pick<ObservationRow, 'kind' | 'code' | 'value' | 'reported_by'>) =>
  `${o.kind}|${o.code}|${o.value}|${o.reported_by}`;

/**
 * The observations of a contact as rows. An observation that did not change keeps the moment it was first
 * recorded: "who said so, and when" must not be rewritten by a later edit of something else.
 */
export function observationRows(
  contactId: string,
  body: ContactIn,
  at: string,
  previous: readonly ObservationRow[] = [],
): ObservationRow[] {
  const since = new Map(previous.map((o) => [key(o), o.recorded_at]));
  const rows: ObservationRow[] = [];
  const add = (row: Omit<ObservationRow, 'recorded_at' | 'contact_id'>) =>
    rows.push({ ...row, contact_id: contactId, recorded_at: since.get(key(row)) ?? at });
  for (const [code, seen] of Object.entries(body.cues))
    if (seen) add({ kind: 'cue', code, value: 'true', reported_by: 'professional' });
  for (const [code, f] of Object.entries(body.factors))
    if (f) add({ kind: 'factor', code, value: f.value, reported_by: f.reportedBy });
  for (const [code, holds] of Object.entries(body.criteria))
    if (holds) add({ kind: 'criterion', code, value: 'true', reported_by: 'professional' });
  return rows;
}

/** The per-parent factors of a contact as rows; an unchanged one keeps when it was first recorded. */
export function parentFactorRows(
  contactId: string,
  body: ContactIn,
  at: string,
  previous: readonly ParentFactorRow[] = [],
): ParentFactorRow[] {
  const k = (o: Pick<ParentFactorRow, 'person_id' | 'code' | 'value' | 'reported_by'>) =>
    `${o.person_id}|${o.code}|${o.value}|${o.reported_by}`;
  const since = new Map(previous.map((o) => [k(o), o.recorded_at]));
  const rows: ParentFactorRow[] = [];
  for (const [personId, factors] of Object.entries(body.parentFactors))
    for (const [code, f] of Object.entries(factors)) {
      if (!f) continue;
      const row = {
        contact_id: contactId,
        person_id: personId,
        code,
        value: f.value,
        reported_by: f.reportedBy,
      };
      rows.push({ ...row, recorded_at: since.get(k(row)) ?? at });
    }
  return rows;
}

/**
 * The balance columns stored beside a result (migrations 0023 and 0028), from the result itself: what the
 * worklist and the family file's timeline show. The same values the JSON paths `$.balance.hindering` (array
 * length), `$.balance.protective`, `$.balance.tilt` and `$.balance.byLevel.<level>.<side>` give, including null
 * where the result has no balance (or a tally that is not a number).
 */
export function balanceSummary(
  result: Pick<Assessment, 'balance'> | { balance?: undefined },
): BalanceSummary {
  const balance = result.balance;
  const tally = (level: 'parent' | 'family' | 'child', side: 'hindering' | 'protective'): number | null => {
    const value: unknown = balance?.byLevel?.[level]?.[side];
    return typeof value === 'number' && Number.isInteger(value) ? value : null;
  };
  return {
    balance_hindering: Array.isArray(balance?.hindering) ? balance.hindering.length : null,
    balance_protective: Array.isArray(balance?.protective) ? balance.protective.length : null,
    balance_tilt: typeof balance?.tilt === 'string' ? balance.tilt : null,
    balance_parent_hindering: tally('parent', 'hindering'),
    balance_parent_protective: tally('parent', 'protective'),
    balance_family_hindering: tally('family', 'hindering'),
    balance_family_protective: tally('family', 'protective'),
    balance_child_hindering: tally('child', 'hindering'),
    balance_child_protective: tally('child', 'protective'),
  };
}

/** The columns stored beside an engine result, from it (migrations 0023 and 0028). */
export type BalanceSummary = Pick<
  AssessmentTable,
  'balance_hindering' | 'balance_protective' | 'balance_tilt'
> &
  LevelTallyColumns;

/** The engine's suggestion with the knowledge version it came from, next to the estimate agreed with the parent. */
export function assessmentValues(
  input: AssessmentInput,
  result: Assessment,
  body: ContactIn,
): AssessmentValues {
  return {
    knowledge_version: result.knowledgeVersion,
    input_json: JSON.stringify(input),
    result_json: JSON.stringify(result),
    suggested_band: result.relationship.suggestedBand,
    agreed_band: body.agreedBand ?? null,
    agreed_band_not_discussed: bit(body.agreedBandNotDiscussed === true && !body.agreedBand),
    agreed_note: body.agreedNote ?? null,
    cumulative_risk: bit(result.balance.cumulativeRisk),
    refer_outside: bit(result.referral.referOutside),
    safety_concern: bit(result.safetyConcern),
    ...balanceSummary(result),
  };
}

export function agreementFields(
  a: AgreementIn,
): Required<Omit<AgreementPatch, 'status' | 'superseded_by'>> & Pick<AgreementTable, 'text'> {
  return {
    text: a.text,
    next_topic: a.nextTopic ?? null,
    next_topic_permission: bit(a.nextTopicPermission),
    extra_contact: bit(a.extraContact),
    follow_up_due: a.followUpDue ?? null,
  };
}
