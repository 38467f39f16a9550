import type { FactorCode } from './codes.ts';

/**
 * Factors that describe the family's history or lasting characteristics: once recorded, they hold at the next
 * contact too, so a new contact starts from the last recorded value for the nurse to confirm or change, rather
 * than asking the parent again. Everything else (stress, support, conflict, income, …) can change between
 * contacts and is asked afresh.
 *
 * `child`: a fact about one child's pregnancy, birth or condition, carried only from a contact about the same
 * child. `family`: about a parent or the household, carried from the family's last contact about any child.
 */
export const STABLE_FACTORS: Readonly<Partial<Record<FactorCode, 'child' | 'family'>>> = {
  // The pregnancy and birth of this child: history once the child is born.
  unplanned_pregnancy: 'child',
  complicated_pregnancy_or_birth: 'child',
  substance_use_in_pregnancy: 'child',
  wanted_pregnancy: 'child',
  uncomplicated_pregnancy_and_birth: 'child',
  preterm_birth: 'child',
  low_birth_weight: 'child',
  term_birth: 'child',
  // Lasting characteristics of the child.
  congenital_or_chronic_condition: 'child',
  child_intellectual_disability: 'child',
  sensory_impairment: 'child',
  adoption_or_foster_care: 'child',
  normal_intelligence: 'child',
  no_sensory_impairment: 'child',
  // A parent's history and lasting characteristics.
  parent_chronic_illness_or_disability: 'family',
  parent_intellectual_disability: 'family',
  parent_adverse_childhood_experiences: 'family',
  parent_justice_involvement: 'family',
  completed_education: 'family',
  positive_own_upbringing: 'family',
  // The family's history.
  previous_child_died: 'family',
  refugee_family: 'family',
};
