import { DOC, type SourceRef, src } from '@nestwerk/knowledge';
import { ageFits } from './age.ts';
import type { InstrumentSuggestion } from './assessment.ts';
import { type RuleContext, say } from './rules/context.ts';

/** Before any questionnaire: explain why, ask consent, and read the outcome as an indication with care. */
const CONDITIONS = {
  nl: 'Leg de ouder uit waarom, vraag toestemming, en bespreek de uitkomst samen als een indicatie, niet als diagnose.',
  en: 'Explain to the parent why, ask consent, and discuss the outcome together as an indication, not a diagnosis.',
};
const CONDITION_SOURCES: SourceRef[] = [
  src(DOC.guideline, 'Thema 2, Overwegingen: Bespreken'),
  src(DOC.guideline, 'Thema 2, Tabel 2.3, stap 4'),
];

/**
 * Thema 2, aanbeveling 8: when parent and professional together see a problem in the relationship, aids
 * help the conversation. The questionnaires of 8c (LSVG or ARI-CP 2-5 from 1 to about 5 years, AISI for
 * older children, and the AISI 2-5) are for a (suspected) PROBLEMATIC relationship; for a less secure one,
 * the lighter aids of 8a/8b fit (see {@link suggestConversationAids}).
 */
export function suggestInstruments(ctx: RuleContext): InstrumentSuggestion[] {
  const problematic =
    ctx.continuum.suggestedBand === 'problematic_suspected' || ctx.continuum.problematicCues.length > 0;
  if (!problematic) return [];
  return ctx.knowledge.instruments
    .filter((instrument) => ageFits(instrument.ages, ctx.age))
    .map((instrument) => ({
      id: instrument.id,
      reason: say(ctx, {
        nl: `Er zijn signalen van een problematische relatie; ${instrument.name} helpt die samen met de ouder in kaart te brengen.`,
        en: `There are signs of a problematic relationship; ${instrument.name} helps to map them with the parent.`,
      }),
      conditions: say(ctx, CONDITIONS),
      sources: [src(DOC.guideline, 'Thema 2, aanbeveling 8c'), ...CONDITION_SOURCES],
    }));
}

export interface ConversationAidSuggestion {
  id: string;
  reason: string;
  sources: SourceRef[];
}

/** Thema 2, aanbeveling 8a/8b: for a relationship that is not (yet) safe, material to look at together. */
export function suggestConversationAids(ctx: RuleContext): ConversationAidSuggestion[] {
  const band = ctx.continuum.suggestedBand;
  if (band !== 'insecure' && band !== 'problematic_suspected') return [];
  return ctx.knowledge.conversationAids
    .filter((aid) => ageFits(aid.ages, ctx.age))
    .map((aid) => ({ id: aid.id, reason: say(ctx, aid.label), sources: aid.sources }));
}
