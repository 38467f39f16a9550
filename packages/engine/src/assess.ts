import {
  DEFAULT_PERINATAL_THRESHOLDS,
  type Knowledge,
  type Lang,
  type PerinatalThresholds,
  text,
  uniqueSources,
} from '@nestwerk/knowledge';
import { childAge, tipBand } from './age.ts';
import type { Assessment, Recommendation } from './assessment.ts';
import { type BalanceWeights, DEFAULT_BALANCE_WEIGHTS, weighBalance } from './balance.ts';
import { type ContinuumThresholds, DEFAULT_CONTINUUM_THRESHOLDS, placeOnContinuum } from './continuum.ts';
import { explainBalance, explainContinuum } from './explain.ts';
import type { AssessmentInput } from './input.ts';
import { suggestConversationAids, suggestInstruments } from './instrument-suggestions.ts';
import { withKeys } from './object-copy.ts';
import { effectiveFactors, ownFactors } from './parent-factors.ts';
import { screenParents } from './perinatal.ts';
import { adviseAndMonitorRule } from './rules/advise-and-monitor.ts';
import { type RuleContext, say } from './rules/context.ts';
import { flemishImhRule } from './rules/flemish-imh.ts';
import { indicatedProgramRules } from './rules/indicated-programs.ts';
import { perinatalRules } from './rules/perinatal.ts';
import {
  criteriaMet,
  imhReasons,
  REFER_OUTSIDE_MIN_CRITERIA,
  referOutsideRule,
} from './rules/refer-outside.ts';
import { safetyConcern, safetyRule, weighSafetyRule } from './rules/safety.ts';
import { parentingSupportRule, videoFeedbackRule } from './rules/video-feedback.ts';

export interface AssessOptions {
  lang?: Lang;
  continuum?: ContinuumThresholds;
  balance?: BalanceWeights;
  /** The organisation's perinatal screening cut-offs, within PERINATAL_THRESHOLD_BOUNDS. */
  perinatal?: PerinatalThresholds;
}

/**
 * Turns what a professional observed into explained advice. Pure and deterministic: the same input and
 * knowledge always give the same assessment. Advice to discuss with the parent, never a diagnosis.
 */
export function assess(
  recorded: AssessmentInput,
  knowledge: Knowledge,
  options: AssessOptions = {},
): Assessment {
  const lang = options.lang ?? 'nl';
  const region = recorded.region;
  const age = childAge(recorded.child);
  const parentMentalHealth = screenParents(recorded, lang, options.perinatal ?? DEFAULT_PERINATAL_THRESHOLDS);
  // Rules weigh the family as a whole; what belongs to which parent stays in `recorded`.
  const input: AssessmentInput = { ...recorded, factors: effectiveFactors(recorded, parentMentalHealth) };
  const weights = options.balance ?? DEFAULT_BALANCE_WEIGHTS;
  const continuum = placeOnContinuum(input.cues, options.continuum ?? DEFAULT_CONTINUUM_THRESHOLDS);
  const balance = weighBalance(input.factors, weights);
  const met = criteriaMet(input.criteria);
  const ctx: RuleContext = {
    input,
    recorded,
    parentMentalHealth,
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
  const perinatal = perinatalRules(ctx);
  const recommendations: Recommendation[] = [
    safetyRule(ctx),
    ...perinatal.filter((r) => r.id.startsWith('perinatal_mental_health.urgent')),
    weighSafetyRule(ctx),
    referOutsideRule(ctx),
    flemishImhRule(ctx),
    ...perinatal.filter((r) => !r.id.startsWith('perinatal_mental_health.urgent')),
    ...indicatedProgramRules(ctx),
    videoFeedbackRule(ctx),
    parentingSupportRule(ctx),
    adviseAndMonitorRule(ctx),
  ]
    .filter((r): r is Recommendation => r !== null)
    .map((r) => ({ ...r, sources: uniqueSources(r.sources) }));

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
    relationship: withKeys(continuum, { explanation: explainContinuum(ctx, continuum) }),
    balance: withKeys(balance, {
      missingStrengths,
      explanation: explainBalance(ctx, balance),
      byParent: recorded.parents.map((p, i) => {
        const own = weighBalance(
          ownFactors(
            recorded,
            i,
            parentMentalHealth.find((m) => m.parent === i),
          ),
          weights,
        );
        return { parent: i, role: p.role, hindering: own.hindering, protective: own.protective };
      }),
    }),
    referral: { criteriaMet: met, referOutside: ctx.referOutside, imhReasons: ctx.imhReasons },
    safetyConcern: ctx.safetyConcern,
    parentMentalHealth,
    recommendations,
    instruments: suggestInstruments(ctx),
    conversationAids: suggestConversationAids(ctx),
    parentTips: {
      band,
      title: tips ? text(tips.title, lang, region) : '',
      tips: tips ? tips.tips.map((t) => text(t, lang, region)) : [],
    },
  };
}
