import { type Knowledge, type Lang, text } from '@nestwerk/knowledge';
import { childAge, tipBand } from './age.ts';
import type { Assessment, Recommendation } from './assessment.ts';
import { type BalanceWeights, DEFAULT_BALANCE_WEIGHTS, weighBalance } from './balance.ts';
import { type ContinuumThresholds, DEFAULT_CONTINUUM_THRESHOLDS, placeOnContinuum } from './continuum.ts';
import { explainBalance, explainContinuum } from './explain.ts';
import type { AssessmentInput } from './input.ts';
import { suggestInstruments } from './instrument-suggestions.ts';
import { adviseAndMonitorRule } from './rules/advise-and-monitor.ts';
import { type RuleContext, say } from './rules/context.ts';
import { indicatedProgramRules } from './rules/indicated-programs.ts';
import {
  criteriaMet,
  imhReasons,
  REFER_OUTSIDE_MIN_CRITERIA,
  referOutsideRule,
} from './rules/refer-outside.ts';
import { safetyConcern, safetyRule } from './rules/safety.ts';
import { parentingSupportRule, videoFeedbackRule } from './rules/video-feedback.ts';

export interface AssessOptions {
  lang?: Lang;
  continuum?: ContinuumThresholds;
  balance?: BalanceWeights;
}

/**
 * Turns what a professional observed into explained advice. Pure and deterministic: the same input and
 * knowledge always give the same assessment. Advice to discuss with the parent, never a diagnosis.
 */
export function assess(
  input: AssessmentInput,
  knowledge: Knowledge,
  options: AssessOptions = {},
): Assessment {
  const lang = options.lang ?? 'nl';
  const region = input.region;
  const age = childAge(input.child);
  const continuum = placeOnContinuum(input.cues, options.continuum ?? DEFAULT_CONTINUUM_THRESHOLDS);
  const balance = weighBalance(input.factors, options.balance ?? DEFAULT_BALANCE_WEIGHTS);
  const met = criteriaMet(input.criteria);
  const ctx: RuleContext = {
    input,
    knowledge,
    lang,
    region,
    age,
    continuum,
    balance,
    criteriaMet: met,
    referOutside: met.length >= REFER_OUTSIDE_MIN_CRITERIA,
    safetyConcern: safetyConcern(input.factors),
    imhReasons: imhReasons(input, continuum),
  };

  // Safety first, so it is never hidden behind other advice (DESIGN §2.9); then from most to least intensive.
  const recommendations: Recommendation[] = [
    safetyRule(ctx),
    referOutsideRule(ctx),
    ...indicatedProgramRules(ctx),
    videoFeedbackRule(ctx),
    parentingSupportRule(ctx),
    adviseAndMonitorRule(ctx),
  ].filter((r): r is Recommendation => r !== null);

  const band = tipBand(age);
  const tips = knowledge.parentTips.find((t) => t.band === band);
  const missingStrengths = knowledge.factors
    .filter((f) => f.kind === 'protective' && input.factors[f.code] === 'absent')
    .map((f) => f.code);

  return {
    knowledgeVersion: knowledge.version,
    lang,
    region,
    disclaimer: say(ctx, {
      nl: 'Dit is advies om met de ouder te bespreken, geen diagnose. Leg de samen gemaakte inschatting en afspraken vast.',
      en: 'This is advice to discuss with the parent, not a diagnosis. Record the estimate and agreements made together.',
    }),
    child: age.born
      ? { born: true, ageMonths: age.months, gestationWeeks: null }
      : { born: false, ageMonths: null, gestationWeeks: age.gestationWeeks },
    relationship: { ...continuum, explanation: explainContinuum(ctx, continuum) },
    balance: { ...balance, missingStrengths, explanation: explainBalance(ctx, balance) },
    referral: { criteriaMet: met, referOutside: ctx.referOutside, imhReasons: ctx.imhReasons },
    safetyConcern: ctx.safetyConcern,
    recommendations,
    instruments: suggestInstruments(ctx),
    parentTips: {
      band,
      title: tips ? text(tips.title, lang, region) : '',
      tips: tips ? tips.tips.map((t) => text(t, lang, region)) : [],
    },
  };
}
