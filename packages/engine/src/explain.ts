import type { BalanceResult } from './balance.ts';
import type { ContinuumResult } from './continuum.ts';
import { type RuleContext, say } from './rules/context.ts';

/** "1 signaal", "3 signalen": a count with the word form that goes with it. */
const counted = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

export function explainContinuum(ctx: RuleContext, c: ContinuumResult): string {
  const n = { s: c.safeCues.length, i: c.insecureCues.length, p: c.problematicCues.length };
  switch (c.basis) {
    case 'nothing_observed':
      return say(ctx, { nl: 'Nog geen signalen vastgelegd.', en: 'No cues recorded yet.' });
    case 'too_few_safe_cues':
      return say(ctx, {
        nl: `Te weinig waargenomen om iets te zeggen (${counted(n.s, 'veilig signaal', 'veilige signalen')}).`,
        en: `Too little observed to say (${counted(n.s, 'safe cue', 'safe cues')}).`,
      });
    case 'nearly_all_insecure_plus_problematic':
      return say(ctx, {
        nl: `Vrijwel alle signalen van onveiligheid (${n.i} van 9) én ${counted(n.p, 'aanvullend signaal', 'aanvullende signalen')}: een problematische relatie wordt vermoed.`,
        en: `Nearly all insecure cues (${n.i} of 9) plus ${counted(n.p, 'additional cue', 'additional cues')}: a problematic relationship is suspected.`,
      });
    case 'problematic_cues_without_nearly_all_insecure':
      return say(ctx, {
        nl: `${counted(n.p, 'signaal', 'signalen')} van een problematische relatie, maar (nog) niet vrijwel alle signalen van onveiligheid (${n.i} van 9): minder veilig, kijk verder.`,
        en: `${counted(n.p, 'cue', 'cues')} of a problematic relationship, but not (yet) nearly all insecure cues (${n.i} of 9): more insecure, look further.`,
      });
    case 'insecure_cues_tip_balance':
      return say(ctx, {
        nl: `${counted(n.i, 'signaal', 'signalen')} van onveiligheid tegenover ${n.s} van veiligheid: de balans slaat door naar minder veilig.`,
        en: `${counted(n.i, 'insecure cue', 'insecure cues')} against ${n.s} safe: the balance tips towards more insecure.`,
      });
    case 'safe_cues_predominate':
      return say(ctx, {
        nl: `${counted(n.s, 'signaal', 'signalen')} van een veilige relatie${n.i > 0 ? ` en ${n.i} van onveiligheid` : ''}: overwegend veilig.`,
        en: `${counted(n.s, 'safe cue', 'safe cues')}${n.i > 0 ? ` and ${n.i} insecure` : ''}: mainly safe.`,
      });
  }
}

export function explainBalance(ctx: RuleContext, b: BalanceResult): string {
  const counts = say(ctx, {
    nl: `${b.hindering.length} belemmerende en ${b.protective.length} beschermende factoren`,
    en: `${b.hindering.length} hindering and ${b.protective.length} protective factors`,
  });
  const tilt = say(
    ctx,
    {
      burden_outweighs: {
        nl: 'de draaglast weegt zwaarder dan de draagkracht',
        en: 'burden outweighs strength',
      },
      strength_unknown: {
        nl: 'er is draaglast, maar de draagkracht is nog niet verkend (onbekend is niet afwezig)',
        en: 'there is burden, but strength has not been explored yet (unknown is not absent)',
      },
      in_balance: {
        nl: 'draaglast en draagkracht zijn in evenwicht',
        en: 'burden and strength are in balance',
      },
      strength_outweighs: {
        nl: 'de draagkracht weegt zwaarder dan de draaglast',
        en: 'strength outweighs burden',
      },
      not_known: {
        nl: 'nog niets bekend over draaglast en draagkracht',
        en: 'nothing known yet about burden and strength',
      },
    }[b.tilt],
  );
  const cumulative = b.cumulativeRisk
    ? say(ctx, {
        nl: ' Twee of meer belemmerende factoren: er is sprake van een stapeling van risico’s.',
        en: ' Two or more hindering factors: risks accumulate.',
      })
    : '';
  return `${counts}; ${tilt}.${cumulative}`;
}
