/**
 * The stable vocabulary of Nestwerk (DESIGN.md §4.2). Outside checks and stored records rely on these
 * strings: add codes freely, never rename or remove one.
 */

export const SAFE_CUE_CODES = [
  'child_seeks_parent_when_stressed',
  'child_accepts_comfort',
  'child_explores_keeping_contact',
  'relaxed_contact',
  'spontaneous_flow',
  'shared_enjoyment',
  'child_shows_needs_to_parent',
  'parent_names_and_regulates_emotions',
  'parent_sensitive_attuned',
  'parent_encourages_exploration',
] as const;

export const INSECURE_CUE_CODES = [
  'child_no_approach_or_not_calmed',
  'child_withdraws_or_object_comfort',
  'little_shared_enjoyment',
  'child_overly_independent_or_dependent',
  'parent_insensitive_or_inconsistent',
  'parent_misses_child_stress',
  'parent_uncomfortable_with_closeness',
  'parent_overprotective',
  'parent_little_leadership',
] as const;

export const PROBLEMATIC_CUE_CODES = [
  'interaction_full_of_tension',
  'child_trauma_signals',
  'child_severe_emotion_dysregulation',
  'parent_frightening_or_intrusive',
] as const;

export const CUE_CODES = [...SAFE_CUE_CODES, ...INSECURE_CUE_CODES, ...PROBLEMATIC_CUE_CODES] as const;

export const HINDERING_PARENT_CODES = [
  'unplanned_pregnancy',
  'complicated_pregnancy_or_birth',
  'substance_use_in_pregnancy',
  'stress_or_anxiety_in_pregnancy',
  'parent_chronic_illness_or_disability',
  'parent_stress',
  'parent_depression',
  'parent_mental_health_problems',
  'parent_intellectual_disability',
  'parent_adverse_childhood_experiences',
  'parent_justice_involvement',
  'parent_substance_abuse',
  'low_parenting_confidence',
  'parent_low_mentalizing',
  'harsh_or_neglectful_parenting',
  'care_avoidance',
  'positive_mental_health_screen',
] as const;

export const HINDERING_FAMILY_CODES = [
  'parent_absent',
  'teenage_mother',
  'previous_child_died',
  'family_conflict_or_complex_divorce',
  'maltreatment_or_neglect',
  'domestic_violence',
  'low_social_support',
  'socioeconomic_problems',
  'frequent_moves',
  'changing_caregivers',
  'long_separation_from_caregiver',
  'deprived_neighbourhood',
  'refugee_family',
] as const;

export const HINDERING_CHILD_CODES = [
  'preterm_birth',
  'low_birth_weight',
  'congenital_or_chronic_condition',
  'developmental_problems',
  'child_intellectual_disability',
  'sensory_impairment',
  'child_emotional_problems',
  'adoption_or_foster_care',
  'difficult_temperament_or_excessive_crying',
] as const;

export const PROTECTIVE_PARENT_CODES = [
  'parent_physical_health',
  'parent_mental_health',
  'wanted_pregnancy',
  'uncomplicated_pregnancy_and_birth',
  'parenting_confidence',
  'completed_education',
  'positive_own_upbringing',
  'parent_open_to_signals_mentalizing',
  'warm_authoritative_parenting',
  'accepts_support',
] as const;

export const PROTECTIVE_FAMILY_CODES = [
  'both_parents_present',
  'stable_supportive_partner',
  'social_network_support',
  'stable_sufficient_income',
  'stable_housing',
  'few_stable_caregivers',
  'daily_contact_with_caregiver',
  'community_involvement',
  'small_family',
  'warm_family_climate',
] as const;

export const PROTECTIVE_CHILD_CODES = [
  'term_birth',
  'no_medical_concerns',
  'easy_temperament',
  'typical_development',
  'normal_intelligence',
  'no_sensory_impairment',
] as const;

export const HINDERING_FACTOR_CODES = [
  ...HINDERING_PARENT_CODES,
  ...HINDERING_FAMILY_CODES,
  ...HINDERING_CHILD_CODES,
] as const;

export const PROTECTIVE_FACTOR_CODES = [
  ...PROTECTIVE_PARENT_CODES,
  ...PROTECTIVE_FAMILY_CODES,
  ...PROTECTIVE_CHILD_CODES,
] as const;

export const FACTOR_CODES = [...HINDERING_FACTOR_CODES, ...PROTECTIVE_FACTOR_CODES] as const;

/** The factors that belong to one parent, and can be recorded per caregiver (DESIGN §4.1 `parents[].factors`). */
export const PARENT_FACTOR_CODES = [...HINDERING_PARENT_CODES, ...PROTECTIVE_PARENT_CODES] as const;
export type ParentFactorCode = (typeof PARENT_FACTOR_CODES)[number];

export const REFERRAL_CRITERION_CODES = [
  'regulation_problems_persistent',
  'parent_worry_or_overload_persistent',
  'disturbed_parent_child_communication',
  'insufficient_jgz_support',
] as const;

export const INTERVENTION_CODES = [
  'vipp_sd',
  'k_vht',
  'vib',
  'triple_p_4_5',
  'stevig_ouderschap',
  'stevig_ouderschap_prenataal',
  'voorzorg',
  'bemoeizorg',
  'zwanger_bevallen_kind',
  'een_kindje_krijgen',
  'shantala_babymassage',
  'centering_pregnancy',
  'babywearing',
  'prenatal_home_visits',
  'eengespreksmodel',
  'theraplay',
  'pipa',
  'ouder_baby_interventie',
  'specialised_youth_care',
  'intensive_family_support',
  'imh_team',
  'meldcode_veilig_thuis',
  'vertrouwenscentrum_kindermishandeling',
] as const;

export const INSTRUMENT_IDS = ['lsvg', 'ari_cp_2_5', 'aisi_2_5', 'aisi_6_12'] as const;

export const IMH_REFERRAL_REASON_CODES = [
  'restless_or_crying_baby',
  'regulation_problems',
  'separation_anxiety_or_behaviour_problems',
  'persistent_relationship_tension',
  'attachment_problems',
  'parental_stress_trauma_anxiety_depression',
] as const;

export type SafeCueCode = (typeof SAFE_CUE_CODES)[number];
export type InsecureCueCode = (typeof INSECURE_CUE_CODES)[number];
export type ProblematicCueCode = (typeof PROBLEMATIC_CUE_CODES)[number];
export type CueCode = (typeof CUE_CODES)[number];
export type HinderingFactorCode = (typeof HINDERING_FACTOR_CODES)[number];
export type ProtectiveFactorCode = (typeof PROTECTIVE_FACTOR_CODES)[number];
export type FactorCode = (typeof FACTOR_CODES)[number];
export type ReferralCriterionCode = (typeof REFERRAL_CRITERION_CODES)[number];
export type InterventionCode = (typeof INTERVENTION_CODES)[number];
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];
export type ImhReferralReasonCode = (typeof IMH_REFERRAL_REASON_CODES)[number];
