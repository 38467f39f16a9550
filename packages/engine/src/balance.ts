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

type Kind = 'hindering' | 'protective';

/** Where a code belongs, and its place in its own list (the order every list in the result keeps). */
interface Place {
  kind: Kind;
  level: FactorLevel;
  order: number;
  /** Its place in FACTOR_CODES, the order of `unknown`. */
  overall: number;
}

const LISTS: ReadonlyArray<[Kind, FactorLevel, readonly FactorCode[]]> = [
  ['hindering', 'parent', HINDERING_PARENT_CODES],
  ['hindering', 'family', HINDERING_FAMILY_CODES],
  ['hindering', 'child', HINDERING_CHILD_CODES],
  ['protective', 'parent', PROTECTIVE_PARENT_CODES],
  ['protective', 'family', PROTECTIVE_FAMILY_CODES],
  ['protective', 'child', PROTECTIVE_CHILD_CODES],
];

const PLACES = new Map<string, Place>();
for (const [kind, level, codes] of LISTS)
  for (const [order, code] of codes.entries())
    PLACES.set(code, { kind, level, order, overall: FACTOR_CODES.indexOf(code) });

interface Buckets {
  hindering: Record<FactorLevel, HinderingFactorCode[]>;
  protective: Record<FactorLevel, ProtectiveFactorCode[]>;
}

const byOrder = (a: FactorCode, b: FactorCode) => (PLACES.get(a)?.order ?? 0) - (PLACES.get(b)?.order ?? 0);

/**
 * One pass over what was recorded (a dozen factors) instead of a filter over every known code per list: the
 * balance is weighed once for the family and once per parent, and this was a third of an assessment's time.
 */
function sortFactors(factors: Factors) {
  const present: Buckets = {
    hindering: { parent: [], family: [], child: [] },
    protective: { parent: [], family: [], child: [] },
  };
  const unknown: FactorCode[] = [];
  let strengthAsked = false;
  for (const code in factors) {
    const place = PLACES.get(code);
    const value = factors[code as FactorCode];
    if (!place || value === undefined) continue;
    // The place came from the code's own list, so the code is of that kind.
    if (value === 'present') (present[place.kind][place.level] as FactorCode[]).push(code as FactorCode);
    else if (value === 'unknown') unknown.push(code as FactorCode);
    if (place.kind === 'protective' && (value === 'present' || value === 'absent')) strengthAsked = true;
  }
  for (const kind of [present.hindering, present.protective])
    for (const codes of [kind.parent, kind.family, kind.child]) (codes as FactorCode[]).sort(byOrder);
  unknown.sort((a, b) => (PLACES.get(a)?.overall ?? 0) - (PLACES.get(b)?.overall ?? 0));
  return { present, unknown, strengthAsked };
}

export function weighBalance(
  factors: Factors,
  weights: BalanceWeights = DEFAULT_BALANCE_WEIGHTS,
): BalanceResult {
  const { present, unknown, strengthAsked } = sortFactors(factors);
  const { parent: hp, family: hf, child: hc } = present.hindering;
  const { parent: pp, family: pf, child: pc } = present.protective;

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
