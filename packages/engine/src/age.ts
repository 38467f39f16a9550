import type { AgeRange, TipAgeBand } from '@nestwerk/knowledge';
import type { ChildInput } from './input.ts';

/** A child's age as the rules need it: born with an age in months, or unborn at a week of gestation. */
export type ChildAge = { born: true; months: number } | { born: false; gestationWeeks: number };

export function childAge(child: ChildInput): ChildAge {
  return 'ageMonths' in child
    ? { born: true, months: child.ageMonths }
    : { born: false, gestationWeeks: child.gestationWeeks };
}

/** Inclusive on both ends: "VIPP-SD (1–6 jaar)" includes a child on its sixth birthday. */
export function ageFits(range: AgeRange, age: ChildAge): boolean {
  if (!age.born)
    return range.minGestationWeeks !== undefined && age.gestationWeeks >= range.minGestationWeeks;
  return age.months >= range.minMonths && age.months <= range.maxMonths;
}

/** The age bands of Box 2.1 (guideline Thema 2); an unborn child's parents get the tips for babies. */
export function tipBand(age: ChildAge): TipAgeBand {
  if (!age.born || age.months < 24) return '0_2';
  if (age.months < 48) return '2_4';
  if (age.months < 144) return '4_12';
  return '12_plus';
}
