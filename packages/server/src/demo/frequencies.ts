import type { HinderingFactorCode, ProtectiveFactorCode } from '@nestwerk/knowledge';

/**
 * How often things occur in the synthetic population. Rough orders of magnitude from Dutch youth health care
 * figures (e.g. ~7% preterm births, 10–15% postpartum depressive symptoms, a few percent domestic violence),
 * not epidemiology: enough that the worklist, statistics and advice look like a real caseload.
 */

/** Each family carries a latent burden; factor prevalences are scaled by it. */
export type Profile = 'low' | 'moderate' | 'high' | 'severe';
export const PROFILE_SHARES: Record<Profile, number> = { low: 68, moderate: 22, high: 8, severe: 2 };
export const PROFILE_FACTOR_MULTIPLIER: Record<Profile, number> = {
  low: 0.4,
  moderate: 1.5,
  high: 3,
  severe: 5,
};
/** Chance that a protective factor that could be present is. */
export const PROFILE_PROTECTIVE: Record<Profile, number> = {
  low: 0.9,
  moderate: 0.7,
  high: 0.45,
  severe: 0.25,
};

export type Quality = 'safe' | 'insecure' | 'problematic';
/**
 * Over all profiles about 72% safe, 19% insecure and 8% problematic: towards seed 003 (Thema 1: 60–70% safe,
 * 15–25% insecure, about 15% problematic among children of 1–12), with fewer problematic relationships
 * because a JGZ caseload of 0–6 year olds also holds the many families seen only at regular contacts.
 */
export const QUALITY_BY_PROFILE: Record<Profile, Record<Quality, number>> = {
  low: { safe: 85, insecure: 11, problematic: 4 },
  moderate: { safe: 55, insecure: 33, problematic: 12 },
  high: { safe: 30, insecure: 45, problematic: 25 },
  severe: { safe: 10, insecure: 40, problematic: 50 },
};

/**
 * Base prevalence of hindering factors that are not fixed by the family's make-up (who the caregivers are,
 * the mother's age, refugee background), before the profile multiplier.
 */
export const HINDERING_BASE: Partial<Record<HinderingFactorCode, number>> = {
  unplanned_pregnancy: 0.12,
  complicated_pregnancy_or_birth: 0.08,
  substance_use_in_pregnancy: 0.015,
  stress_or_anxiety_in_pregnancy: 0.08,
  parent_chronic_illness_or_disability: 0.04,
  parent_stress: 0.1,
  parent_depression: 0.05,
  parent_mental_health_problems: 0.04,
  parent_intellectual_disability: 0.008,
  parent_adverse_childhood_experiences: 0.05,
  parent_justice_involvement: 0.006,
  parent_substance_abuse: 0.01,
  low_parenting_confidence: 0.07,
  parent_low_mentalizing: 0.02,
  harsh_or_neglectful_parenting: 0.006,
  care_avoidance: 0.015,
  previous_child_died: 0.004,
  family_conflict_or_complex_divorce: 0.04,
  maltreatment_or_neglect: 0.002,
  domestic_violence: 0.004,
  low_social_support: 0.06,
  socioeconomic_problems: 0.07,
  frequent_moves: 0.02,
  changing_caregivers: 0.015,
  long_separation_from_caregiver: 0.008,
  deprived_neighbourhood: 0.08,
  preterm_birth: 0.07,
  low_birth_weight: 0.03,
  congenital_or_chronic_condition: 0.025,
  developmental_problems: 0.03,
  child_intellectual_disability: 0.004,
  sensory_impairment: 0.008,
  child_emotional_problems: 0.02,
  difficult_temperament_or_excessive_crying: 0.1,
};

/** Child-level factors that cannot be known before birth, or before the child is this many months old. */
export const CHILD_FACTOR_MIN_MONTHS: Partial<Record<HinderingFactorCode | ProtectiveFactorCode, number>> = {
  preterm_birth: 0,
  low_birth_weight: 0,
  congenital_or_chronic_condition: 0,
  difficult_temperament_or_excessive_crying: 0,
  sensory_impairment: 1,
  developmental_problems: 6,
  child_emotional_problems: 12,
  child_intellectual_disability: 18,
  term_birth: 0,
  no_medical_concerns: 0,
  easy_temperament: 1,
  no_sensory_impairment: 1,
  typical_development: 6,
  normal_intelligence: 18,
};

/**
 * Factors of a period that nurses stop recording once it is over: the pregnancy and birth in the first year,
 * excessive crying after the third month, when it stops for 85% of babies (seed 003, Thema 2, huilen; the
 * other 15% keep it, see CRYING_PERSISTS).
 */
export const FACTOR_MAX_MONTHS: Partial<Record<HinderingFactorCode, number>> = {
  unplanned_pregnancy: 12,
  complicated_pregnancy_or_birth: 12,
  stress_or_anxiety_in_pregnancy: 12,
  substance_use_in_pregnancy: 24,
  difficult_temperament_or_excessive_crying: 4,
};
export const CRYING_PERSISTS = 0.15;

/** A protective factor that can only be present when its hindering opposite is not. */
export const PROTECTIVE_OPPOSITE: Record<ProtectiveFactorCode, readonly HinderingFactorCode[]> = {
  parent_physical_health: ['parent_chronic_illness_or_disability'],
  parent_mental_health: ['parent_depression', 'parent_mental_health_problems'],
  wanted_pregnancy: ['unplanned_pregnancy'],
  uncomplicated_pregnancy_and_birth: ['complicated_pregnancy_or_birth', 'preterm_birth'],
  parenting_confidence: ['low_parenting_confidence'],
  completed_education: [],
  positive_own_upbringing: ['parent_adverse_childhood_experiences'],
  parent_open_to_signals_mentalizing: ['parent_low_mentalizing'],
  warm_authoritative_parenting: ['harsh_or_neglectful_parenting'],
  accepts_support: ['care_avoidance'],
  both_parents_present: ['parent_absent'],
  stable_supportive_partner: ['parent_absent', 'family_conflict_or_complex_divorce', 'domestic_violence'],
  social_network_support: ['low_social_support'],
  stable_sufficient_income: ['socioeconomic_problems'],
  stable_housing: ['frequent_moves'],
  few_stable_caregivers: ['changing_caregivers'],
  daily_contact_with_caregiver: ['long_separation_from_caregiver'],
  community_involvement: [],
  small_family: [],
  warm_family_climate: ['family_conflict_or_complex_divorce', 'domestic_violence', 'maltreatment_or_neglect'],
  term_birth: ['preterm_birth'],
  no_medical_concerns: ['congenital_or_chronic_condition'],
  easy_temperament: ['difficult_temperament_or_excessive_crying'],
  typical_development: ['developmental_problems'],
  normal_intelligence: ['child_intellectual_disability'],
  no_sensory_impairment: ['sensory_impairment'],
};

/**
 * Chance that a factor the family has is recorded at a given contact: burdens are usually talked about once
 * known; strengths are named often too, because the guideline asks the nurse to weigh them (seed 003 Tabel
 * 2.2) and to work from what goes well (seed 001), though less systematically than burdens.
 */
export const HINDERING_RECORDED = 0.85;
export const PROTECTIVE_RECORDED = 0.45;

/**
 * Of the latest follow-ups: one in twenty is today (a nurse sees a few of her families a day), and about one
 * in twelve was missed and is now overdue.
 */
export const DUE_TODAY = 0.05;
export const MISSED_APPOINTMENT = 0.08;

/** Asked about at most contacts, so often recorded as absent (or unknown) rather than left out. */
export const SCREENING_FACTORS: readonly HinderingFactorCode[] = [
  'parent_depression',
  'parent_stress',
  'domestic_violence',
  'low_social_support',
  'socioeconomic_problems',
];

export type Household =
  | 'mother_father'
  | 'two_mothers'
  | 'mother_alone'
  | 'father_alone'
  | 'mother_stepfather'
  | 'mother_grandmother'
  | 'foster'
  | 'adoptive';

export const HOUSEHOLD_SHARES: Record<Household, number> = {
  mother_father: 72,
  two_mothers: 3,
  mother_alone: 12,
  father_alone: 2,
  mother_stepfather: 4,
  mother_grandmother: 3,
  foster: 2.5,
  adoptive: 1.5,
};
