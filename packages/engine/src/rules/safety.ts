import { DOC, type FactorCode, src } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import { factorLabels, type RuleContext, say } from './context.ts';

/** Factors that by themselves open the safety pathway (DESIGN §2.9; guideline Thema 3 "Verwijzen"). */
export const SAFETY_FACTORS: readonly FactorCode[] = ['maltreatment_or_neglect', 'domestic_violence'];

export function safetyConcern(factors: Partial<Record<FactorCode, string>>): boolean {
  return SAFETY_FACTORS.some((f) => factors[f] === 'present');
}

/**
 * Suspected maltreatment, neglect or domestic violence opens the regional route — the Meldcode and
 * Veilig Thuis in the Netherlands, the Vertrouwenscentrum Kindermishandeling in Flanders — and comes first.
 */
export function safetyRule(ctx: RuleContext): Recommendation | null {
  if (!ctx.safetyConcern) return null;
  const route = ctx.knowledge.safetyRoutes.find((r) => r.region === ctx.region);
  if (!route) return null;
  const seen = factorLabels(
    ctx,
    SAFETY_FACTORS.filter((f) => ctx.input.factors[f] === 'present'),
  );
  return {
    id: `safety.${ctx.region}`,
    category: 'safety',
    interventions: [route.intervention],
    rationale: say(ctx, {
      nl: `Er is een vermoeden van onveiligheid (${seen}). Volg nu het afwegingskader van de route ${say(ctx, route.label)}; dit gaat voor op ander advies.`,
      nlBE: `Er is een vermoeden van onveiligheid (${seen}). Volg nu de route ${say(ctx, route.label)}, met respect voor het beroepsgeheim; dit gaat voor op ander advies.`,
      en: `Unsafety is suspected (${seen}). Follow the ${say(ctx, route.label)} route now; it takes precedence over other advice.`,
    }),
    sources: route.sources,
  };
}

/**
 * Signs that do not by themselves establish unsafety but ask the professional to weigh it (Tabel 2.3,
 * stap 4c): a frightening or intrusive parent, trauma signals in the child, a harsh or neglectful style.
 * The tool prompts; the professional decides. Silent when the safety route itself already applies.
 */
export function weighSafetyRule(ctx: RuleContext): Recommendation | null {
  if (ctx.safetyConcern) return null;
  const { cues, factors } = ctx.input;
  const signs: string[] = [];
  if (cues.parent_frightening_or_intrusive === true)
    signs.push(
      say(ctx, { nl: 'de ouder is beangstigend of intrusief', en: 'the parent is frightening or intrusive' }),
    );
  if (cues.child_trauma_signals === true)
    signs.push(say(ctx, { nl: 'het kind toont signalen van trauma', en: 'the child shows signs of trauma' }));
  if (factors.harsh_or_neglectful_parenting === 'present')
    signs.push(factorLabels(ctx, ['harsh_or_neglectful_parenting']));
  if (signs.length === 0) return null;
  const route = ctx.knowledge.safetyRoutes.find((r) => r.region === ctx.region);
  return {
    id: `safety.weigh.${ctx.region}`,
    category: 'safety',
    interventions: route ? [route.intervention] : [],
    rationale: say(ctx, {
      nl: `Weeg of de route ${route ? say(ctx, route.label) : 'kindveiligheid'} nodig is: ${signs.join('; ')}. Overleg met een collega of aandachtsfunctionaris; jij beslist, de tool stelt alleen de vraag.`,
      nlBE: `Weeg af of de route ${route ? say(ctx, route.label) : 'kindveiligheid'} nodig is: ${signs.join('; ')}. Overleg met een collega; jij beslist, de tool stelt alleen de vraag.`,
      en: `Weigh whether the ${route ? say(ctx, route.label) : 'child safety'} route is needed: ${signs.join('; ')}. Consult a colleague or safeguarding officer; you decide, the tool only asks the question.`,
    }),
    sources: [src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4c'), ...(route?.sources ?? [])],
  };
}
