import { ageFits } from './age.ts';
import type { InstrumentSuggestion } from './assessment.ts';
import { type RuleContext, say } from './rules/context.ts';

/**
 * Thema 2, aanbeveling 8: when parent and professional see a problem in the relationship, instruments help
 * the conversation — LSVG or ARI-CP 2-5 for a (suspected) problematic relationship from 1 to about 5 years,
 * AISI 6-12 for older children. Offered by age whenever the relationship is not (yet) safe.
 */
export function suggestInstruments(ctx: RuleContext): InstrumentSuggestion[] {
  const band = ctx.continuum.suggestedBand;
  const anyProblematicCue = ctx.continuum.problematicCues.length > 0;
  if (band !== 'insecure' && band !== 'problematic_suspected' && !anyProblematicCue) return [];
  const serious = band === 'problematic_suspected' || anyProblematicCue;
  return ctx.knowledge.instruments
    .filter((instrument) => ageFits(instrument.ages, ctx.age))
    .map((instrument) => ({
      id: instrument.id,
      reason: say(ctx, {
        nl: serious
          ? `Er zijn signalen van een problematische relatie; ${instrument.name} helpt die samen met de ouder in kaart te brengen (een indicatie, geen diagnose).`
          : `De balans slaat door naar minder veilig; ${instrument.name} kan het gesprek met de ouder ondersteunen (een indicatie, geen diagnose).`,
        en: serious
          ? `There are signs of a problematic relationship; ${instrument.name} helps to map them with the parent (an indication, not a diagnosis).`
          : `The balance tips towards less secure; ${instrument.name} can support the conversation with the parent (an indication, not a diagnosis).`,
      }),
    }));
}
