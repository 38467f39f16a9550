import {
  DOC,
  type FactorCode,
  type ImhReferralReasonCode,
  type InterventionCode,
  REFERRAL_CRITERION_CODES,
  type ReferralCriterionCode,
  src,
} from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import type { ContinuumResult } from '../continuum.ts';
import type { AssessmentInput } from '../input.ts';
import { available, interventionNames, type RuleContext, say } from './context.ts';

/** Thema 3, aanbeveling 3: two or more of the four criteria call for more intensive help outside JGZ. */
export const REFER_OUTSIDE_MIN_CRITERIA = 2;

/**
 * Dutch IMH specialists work with "nul tot driejarigen" (guideline Thema 4, Betrokkenen), so up to the
 * fourth birthday. The Flemish teams span −9 months to +5 years (seed 001) and are not limited here.
 */
export const DUTCH_IMH_BELOW_MONTHS = 48;

/** In the guideline's order, whatever order the input used, so equal inputs give identical output. */
export function criteriaMet(criteria: AssessmentInput['criteria']): ReferralCriterionCode[] {
  return REFERRAL_CRITERION_CODES.filter((c) => criteria[c] === true);
}

const PARENT_DISTRESS: readonly FactorCode[] = [
  'parent_stress',
  'parent_depression',
  'parent_mental_health_problems',
  'parent_adverse_childhood_experiences',
  'stress_or_anxiety_in_pregnancy',
];

/** Seed 004 "Wanneer verwijzen naar IMH": which of its reasons the recorded observations point to. */
export function imhReasons(input: AssessmentInput, continuum: ContinuumResult): ImhReferralReasonCode[] {
  const reasons: ImhReferralReasonCode[] = [];
  if (input.factors.difficult_temperament_or_excessive_crying === 'present')
    reasons.push('restless_or_crying_baby');
  if (input.criteria.regulation_problems_persistent === true) reasons.push('regulation_problems');
  if (
    input.cues.child_severe_emotion_dysregulation === true ||
    input.factors.child_emotional_problems === 'present'
  ) {
    reasons.push('separation_anxiety_or_behaviour_problems');
  }
  if (
    input.criteria.disturbed_parent_child_communication === true ||
    input.cues.interaction_full_of_tension === true
  ) {
    reasons.push('persistent_relationship_tension');
  }
  if (continuum.suggestedBand === 'problematic_suspected') reasons.push('attachment_problems');
  // Inline predicates rather than a named local: tsx's keepNames redefines a local function's name on every call.
  if (
    PARENT_DISTRESS.some((f) => input.factors[f] === 'present') ||
    input.criteria.parent_worry_or_overload_persistent === true
  ) {
    reasons.push('parental_stress_trauma_anxiety_depression');
  }
  return reasons;
}

/** "een baby tot 12 maanden": up to and including the twelfth month, so below 13 (fractional months too). */
export const OUDER_BABY_BELOW_MONTHS = 13;

/**
 * The Ouder-baby interventie is for a MOTHER with depression (Thema 3). Her own recorded depression
 * qualifies; a depression recorded for "a parent" only when no other parent is listed who could be the one.
 */
function ouderBabyReason(ctx: RuleContext): string | null {
  const { recorded } = ctx;
  const mothers = recorded.parents.filter((p) => p.role === 'mother');
  const ownDepression = mothers.some((p) => p.factors?.parent_depression === 'present');
  const unattributed =
    recorded.factors.parent_depression === 'present' &&
    recorded.parents.every((p) => p.role === 'mother' || p.role === 'grandparent' || p.role === 'other');
  if (ownDepression)
    return say(ctx, {
      nl: 'moeder met een depressie en een baby tot en met 12 maanden',
      en: 'mother with depression and a baby up to and including 12 months',
    });
  if (unattributed)
    return say(ctx, {
      nl: 'depressie bij een ouder en een baby tot en met 12 maanden; van toepassing als het de moeder is',
      en: 'a parent with depression and a baby up to and including 12 months; applies if it is the mother',
    });
  return null;
}

/** Thema 3 "Verwijzen voor meer intensieve hulp": the specific routes, each with its reason. */
function routes(ctx: RuleContext): Array<{ code: InterventionCode; why: string }> {
  const { input, age } = ctx;
  const out: Array<{ code: InterventionCode; why: string }> = [];
  const fosterOrAdoptive =
    input.factors.adoption_or_foster_care === 'present' ||
    input.parents.some((p) => p.role === 'foster_parent' || p.role === 'adoptive_parent');
  if (fosterOrAdoptive) {
    out.push({
      code: 'pipa',
      why: say(ctx, { nl: 'pleeg- of adoptiegezin', en: 'foster or adoptive family' }),
    });
  }
  const obi = ouderBabyReason(ctx);
  if (obi && age.born && age.months < OUDER_BABY_BELOW_MONTHS)
    out.push({ code: 'ouder_baby_interventie', why: obi });
  if (ctx.continuum.suggestedBand === 'problematic_suspected' || input.cues.child_trauma_signals === true) {
    out.push({
      code: 'specialised_youth_care',
      why: say(ctx, {
        nl: 'vermoeden van ernstige problemen in de band of van trauma',
        en: 'suspected serious relationship problems or trauma',
      }),
    });
  }
  if (ctx.safetyConcern) {
    out.push({
      code: 'intensive_family_support',
      why: say(ctx, {
        nl: 'chronische stress door verwaarlozing, mishandeling of geweld thuis',
        en: 'chronic stress from neglect, maltreatment or violence at home',
      }),
    });
  }
  const imhAge = ctx.region === 'be' || !age.born || age.months < DUTCH_IMH_BELOW_MONTHS;
  if (ctx.imhReasons.length > 0 && imhAge) {
    out.push({
      code: 'imh_team',
      why: say(ctx, {
        nl: 'signalen waarvoor een IMH-team de aangewezen plek is',
        en: 'signals for which an IMH team is the right place',
      }),
    });
  }
  return out;
}

export function referOutsideRule(ctx: RuleContext): Recommendation | null {
  if (!ctx.referOutside) return null;
  const candidates = routes(ctx);
  const fitting = new Set(
    available(
      ctx,
      candidates.map((r) => r.code),
    ),
  );
  let chosen = candidates.filter((r) => fitting.has(r.code));
  if (chosen.length === 0) {
    // No specific route fits: specialised youth care remains the general way to more intensive help.
    chosen = [
      {
        code: 'specialised_youth_care',
        why: say(ctx, { nl: 'geen specifieke route van toepassing', en: 'no specific route applies' }),
      },
    ];
  }
  const met = ctx.criteriaMet.length;
  // The same in every language: `why` is already in the assessment's language.
  const list = chosen.map((r) => `${interventionNames(ctx, [r.code])} (${r.why})`).join('; ');
  return {
    id: 'refer_outside',
    category: 'refer_outside',
    interventions: chosen.map((r) => r.code),
    rationale: say(ctx, {
      nl: `${met} van de 4 verwijscriteria gelden (2 of meer is de grens). Bespreek met de ouders een verwijzing naar meer intensieve hulp buiten de JGZ: ${list}.`,
      nlBE: `${met} van de 4 verwijscriteria gelden (2 of meer is de grens). Bespreek met de ouders een doorverwijzing naar meer intensieve hulp: ${list}.`,
      en: `${met} of the 4 referral criteria hold (2 or more is the threshold). Discuss with the parents a referral to more intensive help outside youth health care: ${list}.`,
    }),
    sources: [
      src(DOC.guideline, 'Thema 3, aanbeveling 3'),
      src(DOC.guideline, 'Thema 3, Verwijzen voor meer intensieve hulp'),
      ...(chosen.some((r) => r.code === 'imh_team')
        ? [src(DOC.imhSlides, 'Wanneer verwijzen naar IMH')]
        : []),
    ],
  };
}
