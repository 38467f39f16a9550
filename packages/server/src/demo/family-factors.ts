import {
  HINDERING_FACTOR_CODES,
  type HinderingFactorCode,
  PROTECTIVE_FACTOR_CODES,
  type ProtectiveFactorCode,
} from '@nestwerk/knowledge';
import {
  CRYING_PERSISTS,
  HINDERING_BASE,
  PROFILE_FACTOR_MULTIPLIER,
  PROFILE_PROTECTIVE,
  PROTECTIVE_OPPOSITE,
  QUALITY_BY_PROFILE,
  type Quality,
} from './frequencies.ts';
import type { DrawnHousehold } from './household.ts';
import type { Random } from './random.ts';

/** What the family carries, whether or not it is ever recorded, and how the parent and child get on. */
export interface FamilyFactors {
  hindering: Set<HinderingFactorCode>;
  protective: Set<ProtectiveFactorCode>;
  quality: Quality;
  /** Excessive crying that goes on past the age it usually stops. */
  cryingPersists: boolean;
}

export function drawFactors(rng: Random, drawn: DrawnHousehold): FamilyFactors {
  const { caregivers, motherAge, group, household, profile, firstChild } = drawn;
  const main = caregivers[0]!;
  // Hindering factors the family carries (whether and when they are recorded comes later).
  const hindering = new Set<HinderingFactorCode>();
  const multiplier = PROFILE_FACTOR_MULTIPLIER[profile];
  for (const code of HINDERING_FACTOR_CODES) {
    const base = HINDERING_BASE[code];
    if (base !== undefined && rng.chance(Math.min(0.9, base * multiplier))) hindering.add(code);
  }
  if (caregivers.length === 1) hindering.add('parent_absent');
  if (caregivers.some((c) => c.role === 'mother') && motherAge < 20) hindering.add('teenage_mother');
  if (group.refugee && rng.chance(0.7)) hindering.add('refugee_family');
  if (household === 'foster' || household === 'adoptive') hindering.add('adoption_or_foster_care');
  if (hindering.has('preterm_birth') && rng.chance(0.5)) hindering.add('low_birth_weight');
  if (hindering.has('parent_depression') && rng.chance(0.5)) hindering.add('parent_stress');
  if (profile === 'severe') hindering.add(rng.chance(0.5) ? 'domestic_violence' : 'maltreatment_or_neglect');

  const protective = new Set<ProtectiveFactorCode>();
  const twoParents = ['mother_father', 'two_mothers', 'foster', 'adoptive'].includes(household);
  for (const code of PROTECTIVE_FACTOR_CODES) {
    if (PROTECTIVE_OPPOSITE[code].some((h) => hindering.has(h))) continue;
    if ((code === 'both_parents_present' || code === 'stable_supportive_partner') && !twoParents) continue;
    if (code === 'completed_education' && main.lowEducation) continue;
    if (code === 'small_family' && !firstChild && rng.chance(0.5)) continue;
    if (rng.chance(PROFILE_PROTECTIVE[profile])) protective.add(code);
  }
  const quality: Quality = rng.weighted(QUALITY_BY_PROFILE[profile]);
  const cryingPersists = rng.chance(CRYING_PERSISTS);
  return { hindering, protective, quality, cryingPersists };
}
