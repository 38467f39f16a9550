import { type CueCode, DOC, type FactorCode, src } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import { available, has, interventionNames, type RuleContext, say } from './context.ts';

/** Tabel 2.1 cues that show difficulty with sensitive parenting. */
export const SENSITIVITY_CUES: readonly CueCode[] = [
  'parent_insensitive_or_inconsistent',
  'parent_misses_child_stress',
  'parent_uncomfortable_with_closeness',
  'parent_overprotective',
];

/** Tabel 2.1 cue that shows difficulty with leading and setting limits. */
export const LIMIT_SETTING_CUES: readonly CueCode[] = ['parent_little_leadership'];

/**
 * Parent problems that mean a parent is not "relatively well-functioning" (Thema 3, aanbeveling 1): they
 * need more than a light JGZ programme first.
 */
const NOT_WELL_FUNCTIONING: readonly FactorCode[] = [
  'parent_depression',
  'parent_mental_health_problems',
  'parent_substance_abuse',
  'parent_intellectual_disability',
  'harsh_or_neglectful_parenting',
];

export function hasSensitivityOrLimitProblems(ctx: RuleContext): boolean {
  return [...SENSITIVITY_CUES, ...LIMIT_SETTING_CUES].some((c) => ctx.input.cues[c] === true);
}

export function relativelyWellFunctioning(ctx: RuleContext): boolean {
  return (
    !ctx.referOutside &&
    !ctx.safetyConcern &&
    ctx.continuum.suggestedBand !== 'problematic_suspected' &&
    !NOT_WELL_FUNCTIONING.some((f) => has(ctx, f))
  );
}

/**
 * Thema 3, aanbeveling 1: relatively well-functioning parents with problems in sensitive parenting or
 * setting limits are offered video feedback within JGZ, by programme age range.
 */
export function videoFeedbackRule(ctx: RuleContext): Recommendation | null {
  if (!ctx.age.born || !hasSensitivityOrLimitProblems(ctx) || !relativelyWellFunctioning(ctx)) return null;
  const programmes = available(ctx, ['vipp_sd', 'k_vht', 'vib']);
  if (programmes.length === 0) return null;
  const names = interventionNames(ctx, programmes);
  return {
    id: 'video_feedback',
    category: 'video_feedback',
    interventions: programmes,
    rationale: say(ctx, {
      nl: `De ouder functioneert relatief goed maar heeft moeite met sensitief reageren of grenzen stellen. Bied begeleiding met videofeedback binnen de JGZ aan, passend bij de leeftijd: ${names}.`,
      en: `The parent functions relatively well but finds sensitive responding or setting limits hard. Offer video-feedback guidance within youth health care, fitting the child's age: ${names}.`,
    }),
    sources: [src(DOC.guideline, 'Thema 3, aanbeveling 1'), src(DOC.guideline, 'Thema 3, Video-feedback')],
  };
}

/**
 * Thema 3, aanbeveling 1: parents "can also use parenting support" — offered when leading and limit
 * setting are the difficulty, or confidence as a parent is low.
 */
export function parentingSupportRule(ctx: RuleContext): Recommendation | null {
  const limits = LIMIT_SETTING_CUES.some((c) => ctx.input.cues[c] === true);
  if (
    !ctx.age.born ||
    !(limits || has(ctx, 'low_parenting_confidence') || has(ctx, 'harsh_or_neglectful_parenting'))
  ) {
    return null;
  }
  const programmes = available(ctx, ['triple_p_4_5']);
  if (programmes.length === 0) return null;
  return {
    id: 'parenting_support',
    category: 'parenting_support',
    interventions: programmes,
    rationale: say(ctx, {
      nl: `Leiding geven, grenzen stellen of vertrouwen als opvoeder vraagt aandacht. Opvoedondersteuning zoals ${interventionNames(ctx, programmes)} kan daarbij helpen.`,
      en: `Leading, setting limits or confidence as a parent needs attention. Parenting support such as ${interventionNames(ctx, programmes)} can help.`,
    }),
    sources: [
      src(DOC.guideline, 'Thema 3, aanbeveling 1'),
      src(DOC.guideline, 'Thema 3, Opvoedondersteuning'),
    ],
  };
}
