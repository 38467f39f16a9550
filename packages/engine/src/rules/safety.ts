import type { FactorCode } from '@nestwerk/knowledge';
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
