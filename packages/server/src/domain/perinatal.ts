import type { DueScreening, ParentScreenings, ScreeningIn } from '@nestwerk/contract';
import {
  type ContactScreening,
  dueScreeningMoment,
  type ParentMentalHealth,
  type ScreeningInput,
  screenParent,
} from '@nestwerk/engine';
import {
  type CaregiverRole,
  DEFAULT_PERINATAL_THRESHOLDS,
  type PerinatalThresholds,
  type Region,
  SCREENED_ROLES,
} from '@nestwerk/knowledge';
import type { Db } from '../repositories/db.ts';
import type { ParentScreeningRow } from '../repositories/parent-screenings.ts';
import { findPerinatalThresholds } from '../repositories/perinatal-thresholds.ts';
import type { PersonRow } from '../repositories/persons.ts';

/** The organisation's thresholds; keys it never set (added later) fall back to the defaults. */
export async function organisationThresholds(db: Db, organisationId: string): Promise<PerinatalThresholds> {
  const row = await findPerinatalThresholds(db, organisationId);
  if (!row) return { ...DEFAULT_PERINATAL_THRESHOLDS };
  return {
    ...DEFAULT_PERINATAL_THRESHOLDS,
    ...(JSON.parse(row.thresholds_json) as Partial<PerinatalThresholds>),
  };
}

/** What the parent answered, as stored: only the fields given. */
export type StoredAnswers = { answers?: boolean[]; total?: number; item10?: number; items?: number[] };

export function storedAnswers(body: ScreeningIn): StoredAnswers {
  switch (body.instrument) {
    case 'whooley':
      return { answers: body.answers };
    case 'epds':
      return body.items ? { items: body.items } : { total: body.total, item10: body.item10 };
    default:
      return body.items ? { items: body.items } : { total: body.total };
  }
}

/** The engine's form of a stored screening: item scores summed for the instruments the engine takes as totals. */
export function engineScreening(instrument: ScreeningIn['instrument'], a: StoredAnswers): ScreeningInput {
  const sum = (xs: readonly number[] | undefined) => (xs ?? []).reduce((x, y) => x + y, 0);
  switch (instrument) {
    case 'whooley':
      return { instrument, answers: a.answers ?? [false, false] };
    case 'epds':
      return a.items ? { instrument, items: a.items } : { instrument, total: a.total, item10: a.item10 };
    default:
      return { instrument, total: a.total ?? sum(a.items) };
  }
}

/** The score columns: a total for every instrument (Whooley: the yes answers), item 10 for the EPDS. */
export function scoreColumns(s: ScreeningInput): { total: number; item10: number | null } {
  switch (s.instrument) {
    case 'whooley':
      return { total: s.answers.filter(Boolean).length, item10: null };
    case 'epds':
      return s.items
        ? { total: s.items.reduce((x, y) => x + y, 0), item10: s.items[9] ?? 0 }
        : { total: s.total ?? 0, item10: s.item10 ?? 0 };
    default:
      return { total: s.total, item10: null };
  }
}

/**
 * The outcome of one screening, by the engine's rules over this screening alone (so that a screening and an
 * assessment can never compute it two ways), worded in Dutch as the file stores it.
 */
export function screeningOutcome(
  region: Region,
  role: CaregiverRole,
  screening: ScreeningInput,
  thresholds: PerinatalThresholds,
): ParentMentalHealth {
  const result = screenParent({ role, screenings: [screening] }, region, 'nl', thresholds);
  if (!result) throw new Error('screenParent gave no result for a parent with a screening');
  return result;
}

/** A caregiver's screenings on file as the engine's contact record holds them (any dates). */
export function contactScreenings(rows: readonly ParentScreeningRow[], personId: string): ContactScreening[] {
  return rows
    .filter((r) => r.person_id === personId)
    .map((r) => ({
      ...engineScreening(r.instrument, JSON.parse(r.answers_json) as StoredAnswers),
      date: r.date,
    }));
}

export {
  dueScreenings,
  groupScreenings,
  isScreened,
  type SchedulePerson,
} from '../presenters/screening-schedule.ts';
export type { ParentScreenings };
