import { DOC, src } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import { type RuleContext, say } from './context.ts';

/**
 * Always: give information and tips that fit the child's age (Thema 2, aanbeveling 4 and Box 2.1) and,
 * with the parent's permission, come back to the relationship at the next contact (aanbeveling 2).
 */
export function adviseAndMonitorRule(ctx: RuleContext): Recommendation {
  const concern = ctx.continuum.suggestedBand === 'insecure' || ctx.balance.tilt === 'burden_outweighs';
  return {
    id: 'advise_and_monitor',
    category: 'advise_and_monitor',
    interventions: [],
    rationale: say(ctx, {
      nl: concern
        ? 'Benoem eerst wat goed gaat, geef tips passend bij de leeftijd en spreek met de ouder af dat jullie de band bij het volgende contact weer bespreken; plan zo nodig een extra contact.'
        : 'Benoem wat goed gaat, geef tips passend bij de leeftijd en blijf de band bij elk contact volgen.',
      en: concern
        ? 'Name what goes well first, give tips for the age and agree with the parent to return to the relationship at the next contact; plan an extra contact if needed.'
        : 'Name what goes well, give tips for the age and keep following the relationship at every contact.',
    }),
    sources: [
      src(DOC.guideline, 'Thema 2, aanbeveling 2'),
      src(DOC.guideline, 'Thema 2, aanbeveling 4 en Box 2.1'),
      src(DOC.guideline, 'Thema 3, Overwegingen'),
    ],
  };
}
