import type { ScreeningOutcome } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import { isPositiveScreen } from '../perinatal.ts';
import { type RuleContext, say } from './context.ts';

const ROLE: Record<string, { nl: string; en: string }> = {
  mother: { nl: 'moeder', en: 'mother' },
  father: { nl: 'vader', en: 'father' },
  co_parent: { nl: 'meeouder', en: 'co-parent' },
};

const OUTCOME: Record<ScreeningOutcome, { nl: string; en: string }> = {
  no_concern: { nl: 'geen aanwijzingen', en: 'no indications' },
  screen_further: { nl: 'verder screenen', en: 'screen further' },
  rescreen: { nl: 'opnieuw screenen over 2–4 weken', en: 'rescreen in 2–4 weeks' },
  clinical_assessment: { nl: 'klinische beoordeling', en: 'clinical assessment' },
  urgent: { nl: 'urgent, vandaag nog', en: 'urgent, today' },
};

/**
 * One recommendation per parent whose screening asks for more than watching (rescreen or higher), naming
 * the parent and the next step (DESIGN §4.1). A screening result, never a diagnosis.
 */
export function perinatalRules(ctx: RuleContext): Recommendation[] {
  return ctx.parentMentalHealth
    .filter((m) => isPositiveScreen(m.outcome))
    .map((m) => {
      const who = ROLE[m.role] ?? { nl: 'ouder', en: 'parent' };
      return {
        id: `perinatal_mental_health.${m.outcome === 'urgent' ? 'urgent.' : ''}${m.parent}`,
        category: 'perinatal_mental_health' as const,
        interventions: [],
        rationale: say(ctx, {
          nl: `Screening van de ${who.nl} (ouder ${m.parent + 1}): ${OUTCOME[m.outcome].nl}. ${m.reasons.join(' ')} ${m.nextStep} Dit is een screeningsuitslag, geen diagnose.`,
          en: `Screening of the ${who.en} (parent ${m.parent + 1}): ${OUTCOME[m.outcome].en}. ${m.reasons.join(' ')} ${m.nextStep} This is a screening result, not a diagnosis.`,
        }).replace(/\s+/g, ' '),
        sources: m.sources,
      };
    });
}
