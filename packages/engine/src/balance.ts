import {
  FACTOR_CODES,
  type FactorCode,
  type FactorLevel,
  HINDERING_CHILD_CODES,
  HINDERING_FAMILY_CODES,
  HINDERING_PARENT_CODES,
  type HinderingFactorCode,
  PROTECTIVE_CHILD_CODES,
  PROTECTIVE_FAMILY_CODES,
  PROTECTIVE_PARENT_CODES,
  type ProtectiveFactorCode,
} from '@nestwerk/knowledge';
import type { FactorValue } from './input.ts';

/**
 * Weighing burden (draaglast) against strength (draagkracht), after the balance model of seed 000
 * (Thema 3 §4, Thema 4 §2) and the factor tables (guideline Tabel 2.2, TNO Tabel 1).
 *
 * - A parent's own difficulties weigh heaviest: the parent's sensitivity and capacity to mentalise are
 *   what the relationship is built on (guideline Thema 1, kernpunt 2).
 * - Family circumstances weigh in between.
 * - A child-level burden (a premature or difficult baby) can be carried by the strengths around the child:
 *   parent and family strengths compensate it one for one, before anything else.
 * - Strength left over after that offsets parent and family burden at half weight: it helps, but a present
 *   parental problem is not cancelled by, say, stable housing.
 * The result is monotonic by construction (property-tested): a hindering factor never improves it, a
 * protective factor never worsens it.
 */
export interface BalanceWeights {
  parentHindering: number;
  familyHindering: number;
  childHindering: number;
  /** How much leftover strength offsets parent/family burden. */
  leftoverStrengthOffset: number;
  /** |net| below this reads as "in balance". */
  evenBand: number;
  /** This many hindering factors (any level) is cumulative risk (seed 000 Thema 3 §4; seed 002 §3). */
  cumulativeRiskMin: number;
}

export const DEFAULT_BALANCE_WEIGHTS: BalanceWeights = {
  parentHindering: 2,
  familyHindering: 1.5,
  childHindering: 1,
  leftoverStrengthOffset: 0.5,
  evenBand: 1,
  cumulativeRiskMin: 2,
};

/**
 * `strength_unknown`: there is burden, but no strength has been asked about yet (every protective factor
 * unknown). Unknown is not absent, so the balance does not claim that burden outweighs strength.
 */
export type BalanceTilt =
  | 'burden_outweighs'
  | 'in_balance'
  | 'strength_outweighs'
  | 'strength_unknown'
  | 'not_known';

export interface LevelTally {
  hindering: number;
  protective: number;
}

export interface BalanceResult {
  hindering: HinderingFactorCode[];
  protective: ProtectiveFactorCode[];
  /** Factors asked about but not known yet: worth exploring with the parent. */
  unknown: FactorCode[];
  cumulativeRisk: boolean;
  /** Weighted burden minus the strength that counters it; positive = burden outweighs. */
  netBurden: number;
  /** Child-level burden left after the parents' and family's strengths carried what they could. */
  uncarriedChildBurden: number;
  tilt: BalanceTilt;
  byLevel: Record<FactorLevel, LevelTally>;
}

type Factors = Partial<Record<FactorCode, FactorValue>>;

const PROTECTIVE_CODES = [...PROTECTIVE_PARENT_CODES, ...PROTECTIVE_FAMILY_CODES, ...PROTECTIVE_CHILD_CODES];

function present<C extends FactorCode>(codes: readonly C[], factors: Factors): C[] {
  return codes.filter((c) => factors[c] === 'present');
}

export function weighBalance(
  factors: Factors,
  weights: BalanceWeights = DEFAULT_BALANCE_WEIGHTS,
): BalanceResult {
  const hp = present(HINDERING_PARENT_CODES, factors);
  const hf = present(HINDERING_FAMILY_CODES, factors);
  const hc = present(HINDERING_CHILD_CODES, factors);
  const pp = present(PROTECTIVE_PARENT_CODES, factors);
  const pf = present(PROTECTIVE_FAMILY_CODES, factors);
  const pc = present(PROTECTIVE_CHILD_CODES, factors);

  const parentFamilyBurden = hp.length * weights.parentHindering + hf.length * weights.familyHindering;
  const childBurden = hc.length * weights.childHindering;
  // Child-level burden is carried first by the parents' and family's strengths.
  const carrying = pp.length + pf.length;
  const residualChildBurden = Math.max(0, childBurden - carrying);
  const leftoverStrength = Math.max(0, carrying - childBurden) + pc.length;
  const netBurden =
    parentFamilyBurden + residualChildBurden - leftoverStrength * weights.leftoverStrengthOffset;

  const hindering = [...hp, ...hf, ...hc];
  const protective = [...pp, ...pf, ...pc];
  const unknown = FACTOR_CODES.filter((c) => factors[c] === 'unknown');

  const strengthAsked = PROTECTIVE_CODES.some((c) => factors[c] === 'present' || factors[c] === 'absent');
  let tilt: BalanceTilt;
  if (hindering.length === 0 && protective.length === 0) tilt = 'not_known';
  else if (netBurden >= weights.evenBand) tilt = strengthAsked ? 'burden_outweighs' : 'strength_unknown';
  else if (netBurden <= -weights.evenBand) tilt = 'strength_outweighs';
  else tilt = 'in_balance';

  return {
    hindering,
    protective,
    unknown,
    cumulativeRisk: hindering.length >= weights.cumulativeRiskMin,
    netBurden,
    uncarriedChildBurden: residualChildBurden,
    tilt,
    byLevel: {
      parent: { hindering: hp.length, protective: pp.length },
      family: { hindering: hf.length, protective: pf.length },
      child: { hindering: hc.length, protective: pc.length },
    },
  };
}
