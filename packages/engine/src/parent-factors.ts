import { type FactorCode, PARENT_FACTOR_CODES, type ParentFactorCode } from '@nestwerk/knowledge';
import type { AssessmentInput, FactorValue } from './input.ts';
import { isPositiveScreen, type ParentMentalHealth } from './perinatal.ts';

type Factors = Partial<Record<FactorCode, FactorValue>>;

/** Under 20 at the child's birth or due date counts as a teenage mother (guideline Tabel 2.2). */
export const TEENAGE_MOTHER_BELOW_YEARS = 20;

/**
 * The family's value of a parent-level factor from the family-level record ("a parent, not known which") and
 * each parent's own. Present for anyone is present for the family. Absent only when every parent is known to
 * lack it, or, when no parent has a record of their own, the family-level record says so. Anything else is
 * unknown: one parent's "no" says nothing about the other, and a strength nobody asked about is not a
 * strength the family lacks.
 */
function familyValue(
  family: FactorValue | undefined,
  perParent: ReadonlyArray<FactorValue | undefined>,
): FactorValue | undefined {
  if (family === 'present' || perParent.includes('present')) return 'present';
  if (perParent.every((v) => v === undefined)) return family;
  if (perParent.every((v) => v === 'absent')) return 'absent';
  return 'unknown';
}

/** One parent's own factors, including a positive screening of theirs. */
export function ownFactors(
  input: AssessmentInput,
  index: number,
  screening: ParentMentalHealth | undefined,
): Partial<Record<ParentFactorCode, FactorValue>> {
  // Object.assign, not spread: the copy may gain positive_mental_health_screen (see object-copy.ts).
  const own: Partial<Record<ParentFactorCode, FactorValue>> = Object.assign(
    {},
    input.parents[index]?.factors,
  );
  if (screening && isPositiveScreen(screening.outcome)) own.positive_mental_health_screen = 'present';
  return own;
}

/**
 * The factors of the family as the balance and the rules weigh them: the family-level record, each
 * parent's own factors (present for one parent is present for the family), a positive screening as a
 * hindering factor of that parent, and facts that follow from the household (a mother under 20).
 */
export function effectiveFactors(input: AssessmentInput, screenings: ParentMentalHealth[]): Factors {
  // Object.assign, not spread: the copy may gain teenage_mother below (see object-copy.ts).
  const out: Factors = Object.assign({}, input.factors);
  const own = input.parents.map((_, i) =>
    ownFactors(
      input,
      i,
      screenings.find((s) => s.parent === i),
    ),
  );
  // A code no parent has a record of keeps its family-level value (familyValue's second case): skipping those
  // saves building a per-parent array for every known code on every assessment.
  const recorded = new Set<string>(own.flatMap((o) => Object.keys(o)));
  for (const code of PARENT_FACTOR_CODES) {
    if (!recorded.has(code)) continue;
    const merged = familyValue(
      out[code],
      own.map((o) => o[code]),
    );
    if (merged !== undefined) out[code] = merged;
  }
  const teenageMother = input.parents.some(
    (p) => p.role === 'mother' && p.ageYears !== undefined && p.ageYears < TEENAGE_MOTHER_BELOW_YEARS,
  );
  if (teenageMother) out.teenage_mother = 'present';
  return out;
}
