import type { AgeRange, TipAgeBand } from '@nestwerk/knowledge';
import { completedMonths, completedYears, gestationWeeks } from './calendar.ts';
import { type ChildInput, MAX_AGE_MONTHS, MAX_GESTATION_WEEKS, MIN_GESTATION_WEEKS } from './input.ts';

/** A child's age as the rules need it: born with an age in months, or unborn at a week of gestation. */
export type ChildAge = { born: true; months: number } | { born: false; gestationWeeks: number };

export function childAge(child: ChildInput): ChildAge {
  return 'ageMonths' in child
    ? { born: true, months: child.ageMonths }
    : { born: false, gestationWeeks: child.gestationWeeks };
}

/** Half-open: "LSVG (1–5)" is from 12 months up to but not including 72, so 71.9 months still fits. */
export function ageFits(range: AgeRange, age: ChildAge): boolean {
  if (!age.born)
    return range.minGestationWeeks !== undefined && age.gestationWeeks >= range.minGestationWeeks;
  return age.months >= range.minMonths && age.months < range.belowMonths;
}

/** The age bands of Box 2.1 (guideline Thema 2); an unborn child's parents get the tips for babies. */
export function tipBand(age: ChildAge): TipAgeBand {
  if (!age.born || age.months < 24) return '0_2';
  if (age.months < 48) return '2_4';
  if (age.months < 144) return '4_12';
  return '12_plus';
}

/** The youngest and oldest parent age the engine input accepts ({@link ParentInput}`.ageYears`). */
export const MIN_PARENT_AGE_YEARS = 10;
export const MAX_PARENT_AGE_YEARS = 90;

/** What a file records about when a parent was born: the year always, the full date when known. */
export interface ParentBirth {
  birthDate?: string | null;
  birthYear?: number | null;
}

/**
 * A parent's age in years on a date: completed years from the birth date (see `completedYears`); with only a
 * birth year, as the file usually holds, the age the parent reaches in that calendar year. Undefined when
 * unknown or outside 10–90: such a year is a typing error rather than a fact, and clamping it would invent
 * one (a mistyped 2019 would become a 10-year-old mother, young enough for VoorZorg); left out, the rules
 * treat the age as not recorded.
 */
export function parentAgeYears(parent: ParentBirth, on: string): number | undefined {
  let years: number;
  if (parent.birthDate) years = completedYears(parent.birthDate, on);
  else if (parent.birthYear !== null && parent.birthYear !== undefined)
    years = Number(on.slice(0, 4)) - parent.birthYear;
  else return undefined;
  return years >= MIN_PARENT_AGE_YEARS && years <= MAX_PARENT_AGE_YEARS ? years : undefined;
}

/** What a file records about when a child was (or will be) born. */
export interface ChildBirth {
  birthDate?: string | null;
  dueDate?: string | null;
}

/** Why a contact date does not fit the child: the contact's `date` is at fault, or `childId` when the child has no dates. */
export interface ChildAgeError {
  error: 'child_age';
  field: 'date' | 'childId';
  reason: 'before_birth' | 'older_than_18' | 'outside_pregnancy' | 'no_birth_or_due_date';
  message: string;
  /** The week the pregnancy would be at, for `outside_pregnancy`. */
  gestationWeeks?: number;
}

export type ChildAgeOnResult =
  | { ok: true; value: { ageMonths: number } | { gestationWeeks: number } }
  | { ok: false; error: ChildAgeError };

/**
 * The child's age on a contact date in the form the engine takes: completed months since birth (see
 * `completedMonths`), or for an unborn child completed weeks of gestation from the due date. A birth date
 * wins over a due date. Out of the guideline's range (before birth, past 18 years, a pregnancy outside 4–43
 * weeks) is an error, never clamped: the date is wrong, and advice for a clamped age would be advice for
 * another child.
 */
export function childAgeOn(child: ChildBirth, on: string): ChildAgeOnResult {
  if (child.birthDate) {
    const months = completedMonths(child.birthDate, on);
    if (months < 0)
      return fail('date', 'before_birth', 'The contact date lies before the child’s birth date.');
    if (months > MAX_AGE_MONTHS)
      return fail('date', 'older_than_18', 'The child is older than 18 years on this date.');
    return { ok: true, value: { ageMonths: months } };
  }
  if (child.dueDate) {
    const weeks = gestationWeeks(child.dueDate, on);
    if (weeks < MIN_GESTATION_WEEKS || weeks > MAX_GESTATION_WEEKS)
      return {
        ok: false,
        error: {
          error: 'child_age',
          field: 'date',
          reason: 'outside_pregnancy',
          gestationWeeks: weeks,
          message: `On this date the pregnancy is at ${weeks} weeks; a prenatal contact lies between ${MIN_GESTATION_WEEKS} and ${MAX_GESTATION_WEEKS} weeks.`,
        },
      };
    return { ok: true, value: { gestationWeeks: weeks } };
  }
  return fail('childId', 'no_birth_or_due_date', 'The child has neither a birth date nor a due date.');
}

function fail(
  field: ChildAgeError['field'],
  reason: ChildAgeError['reason'],
  message: string,
): { ok: false; error: ChildAgeError } {
  return { ok: false, error: { error: 'child_age', field, reason, message } };
}
