import { type FactorCode, PARENT_FACTOR_CODES, type ParentFactorCode } from '@nestwerk/knowledge';
import type { AssessmentInput, FactorValue } from './input.ts';
import { isPositiveScreen, type ParentMentalHealth } from './perinatal.ts';

type Factors = Partial<Record<FactorCode, FactorValue>>;

/** Under 20 at the child's birth or due date counts as a teenage mother (guideline Tabel 2.2). */
export const TEENAGE_MOTHER_BELOW_YEARS = 20;

const RANK: Record<FactorValue, number> = { unknown: 0, absent: 1, present: 2 };

/** The stronger of two values: a factor present for anyone is present for the family. */
function stronger(a: FactorValue | undefined, b: FactorValue | undefined): FactorValue | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** One parent's own factors, including a positive screening of theirs. */
export function ownFactors(
  input: AssessmentInput,
  index: number,
  screening: ParentMentalHealth | undefined,
): Partial<Record<ParentFactorCode, FactorValue>> {
  const own = { ...(input.parents[index]?.factors ?? {}) };
  if (screening && isPositiveScreen(screening.outcome)) own.positive_mental_health_screen = 'present';
  return own;
}

/**
 * The factors of the family as the balance and the rules weigh them: the family-level record, each
 * parent's own factors (present for one parent is present for the family), a positive screening as a
 * hindering factor of that parent, and facts that follow from the household (a mother under 20).
 */
export function effectiveFactors(input: AssessmentInput, screenings: ParentMentalHealth[]): Factors {
  const out: Factors = { ...input.factors };
  input.parents.forEach((_, i) => {
    const own = ownFactors(
      input,
      i,
      screenings.find((s) => s.parent === i),
    );
    for (const code of PARENT_FACTOR_CODES) {
      const merged = stronger(out[code], own[code]);
      if (merged !== undefined) out[code] = merged;
    }
  });
  const teenageMother = input.parents.some(
    (p) => p.role === 'mother' && p.ageYears !== undefined && p.ageYears < TEENAGE_MOTHER_BELOW_YEARS,
  );
  if (teenageMother) out.teenage_mother = 'present';
  return out;
}
