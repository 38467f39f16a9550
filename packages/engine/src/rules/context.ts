import {
  type FactorCode,
  type ImhReferralReasonCode,
  type InterventionCode,
  interventionName,
  type Knowledge,
  type Lang,
  type ReferralCriterionCode,
  type Region,
  type Text,
  text,
} from '@nestwerk/knowledge';
import { ageFits, type ChildAge } from '../age.ts';
import type { BalanceResult } from '../balance.ts';
import type { ContinuumResult } from '../continuum.ts';
import type { AssessmentInput } from '../input.ts';
import type { ParentMentalHealth } from '../perinatal.ts';

/** Everything a rule may look at: the input and what the engine derived from it before the rules ran. */
export interface RuleContext {
  /** The input with the factors as the family as a whole has them (see parent-factors.ts). */
  input: AssessmentInput;
  /** The input as recorded: whose factor is whose, and which were recorded for "a parent". */
  recorded: AssessmentInput;
  parentMentalHealth: ParentMentalHealth[];
  knowledge: Knowledge;
  lang: Lang;
  region: Region;
  age: ChildAge;
  continuum: ContinuumResult;
  balance: BalanceResult;
  criteriaMet: ReferralCriterionCode[];
  referOutside: boolean;
  safetyConcern: boolean;
  imhReasons: ImhReferralReasonCode[];
}

export function has(ctx: RuleContext, factor: FactorCode): boolean {
  return ctx.input.factors[factor] === 'present';
}

export function say(ctx: RuleContext, value: Text): string {
  return text(value, ctx.lang, ctx.region);
}

/** Interventions of the catalogue that suit the child's age and are offered in the family's region. */
export function available(ctx: RuleContext, codes: readonly InterventionCode[]): InterventionCode[] {
  return codes.filter((code) => {
    const item = ctx.knowledge.interventions.find((i) => i.code === code);
    return item !== undefined && item.regions.includes(ctx.region) && ageFits(item.ages, ctx.age);
  });
}

export function interventionNames(ctx: RuleContext, codes: readonly InterventionCode[]): string {
  return codes
    .map((code) => {
      const item = ctx.knowledge.interventions.find((i) => i.code === code);
      return item ? interventionName(item, ctx.region) : code;
    })
    .join(', ');
}

export function factorLabels(ctx: RuleContext, codes: readonly FactorCode[]): string {
  return codes
    .map((code) => {
      const factor = ctx.knowledge.factors.find((f) => f.code === code);
      return factor ? say(ctx, factor.label).toLowerCase() : code;
    })
    .join('; ');
}
