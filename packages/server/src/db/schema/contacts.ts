import type { ParentScreeningInstrument, ScreeningOutcome } from '@nestwerk/knowledge';
import type { ColumnType, Generated } from 'kysely';
import type { Bool, DateOnly, Timestamp } from './columns.ts';

/** Contact moments and what is recorded in them: observations, parent factors, screenings, the engine's assessment, agreements, instruments. */

export type ContactType = 'consult' | 'home_visit' | 'phone' | 'prenatal_visit';

export interface ContactTable {
  id: string;
  family_id: string;
  child_id: string;
  professional_id: string;
  type: ContactType;
  date: DateOnly;
  child_age_months: number | null;
  gestation_weeks: number | null;
  status: 'draft' | 'final';
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** A cue, factor or referral criterion recorded at a contact, and who said so. */
export interface ObservationTable {
  contact_id: string;
  kind: 'cue' | 'factor' | 'criterion';
  code: string;
  /** cues and criteria: 'true'; factors: 'present' | 'absent' | 'unknown'. */
  value: string;
  reported_by: 'parent' | 'professional';
  recorded_at: Timestamp;
}

/** A parent-level factor of one caregiver at a contact (family-level ones stay in observations). */
export interface ParentFactorObservationTable {
  contact_id: string;
  person_id: string;
  code: string;
  value: 'present' | 'absent' | 'unknown';
  reported_by: 'parent' | 'professional';
  recorded_at: Timestamp;
}

/** A parent's perinatal screening with the outcome the engine gave when it was recorded. */
export interface ParentScreeningTable {
  id: string;
  family_id: string;
  person_id: string;
  contact_id: string | null;
  instrument: ParentScreeningInstrument;
  date: DateOnly;
  answers_json: string;
  total: number | null;
  item10: number | null;
  outcome: ScreeningOutcome;
  result_json: string;
  /** The professional (users.id), or the parent account when `source` is 'parent'. */
  created_by: string;
  created_at: Timestamp;
  source: ColumnType<'professional' | 'parent', 'professional' | 'parent' | undefined, never>;
}

/** An organisation's perinatal thresholds; no row means the defaults. */
export interface PerinatalThresholdsTable {
  organisation_id: string;
  thresholds_json: string;
  updated_by: string;
  updated_at: Timestamp;
}

export type Band = 'safe' | 'insecure' | 'problematic_suspected' | 'unclear';

/** The engine's suggestion (recomputed on the server) and the estimate agreed with the parent. */
export interface AssessmentTable {
  id: string;
  contact_id: string;
  family_id: string;
  knowledge_version: string;
  input_json: string;
  result_json: string;
  suggested_band: Band;
  agreed_band: Band | null;
  /** The nurse recorded that the estimate was not discussed with the parent (defaults to 0). */
  agreed_band_not_discussed: Generated<Bool>;
  agreed_note: string | null;
  cumulative_risk: Bool;
  refer_outside: Bool;
  safety_concern: Bool;
  created_at: Timestamp;
  /**
   * The result's balance, counted (migration 0023): what the worklist shows, without parsing `result_json`.
   * Written with the result, from it (domain/contact-rows.ts `balanceSummary`); null where the result has no balance.
   */
  balance_hindering: number | null;
  balance_protective: number | null;
  balance_tilt: string | null;
  /**
   * The result's burdens and strengths per level, `balance.byLevel` (migration 0028): the family file's timeline
   * shows them per contact. Written like the counts above; null where the result has no such tally.
   */
  balance_parent_hindering: number | null;
  balance_parent_protective: number | null;
  balance_family_hindering: number | null;
  balance_family_protective: number | null;
  balance_child_hindering: number | null;
  balance_child_protective: number | null;
}

/** The six tallies per level stored beside a result (migration 0028), as the timeline reads them. */
export type LevelTallyColumns = Pick<
  AssessmentTable,
  | 'balance_parent_hindering'
  | 'balance_parent_protective'
  | 'balance_family_hindering'
  | 'balance_family_protective'
  | 'balance_child_hindering'
  | 'balance_child_protective'
>;

export interface AgreementTable {
  id: string;
  family_id: string;
  contact_id: string | null;
  text: string;
  /** The topic to return to at the next contact, only with the parent's permission. */
  next_topic: string | null;
  next_topic_permission: Bool;
  extra_contact: Bool;
  follow_up_due: DateOnly | null;
  status: 'open' | 'done';
  /** Set when a later contact's follow-up replaced this open one (it is then done). */
  superseded_by: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface InstrumentResponseTable {
  id: string;
  family_id: string;
  child_id: string;
  contact_id: string | null;
  instrument_id: string;
  definition_version: string;
  answers_json: string;
  score_json: string;
  created_by: string;
  created_at: Timestamp;
}
