import { DOC, type InterventionCode, src } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import { available, type RuleContext, say } from './context.ts';

/** The IMH slides' age span: from pregnancy to the fifth birthday ("−9 maanden tot +5 jaar", seed 001). */
const FLEMISH_IMH_BELOW_MONTHS = 60;

/**
 * Flanders (seed 004, "Wanneer verwijzen naar IMH"): one IMH signal is reason to consult the baby-toddler
 * team of a CGG or refer to it; there is no two-of-four threshold as in the Dutch guideline. When the Dutch
 * threshold is met the refer-outside advice already names the IMH team, so this rule stays silent then.
 */
export function flemishImhRule(ctx: RuleContext): Recommendation | null {
  if (ctx.region !== 'be' || ctx.imhReasons.length === 0 || ctx.referOutside) return null;
  if (ctx.age.born && ctx.age.months >= FLEMISH_IMH_BELOW_MONTHS) return null;
  const team: InterventionCode[] = available(ctx, ['imh_team']);
  if (team.length === 0) return null;
  const reasons = ctx.imhReasons
    .map((code) => ctx.knowledge.imhReferralReasons.find((r) => r.code === code))
    .filter((r) => r !== undefined)
    .map((r) => say(ctx, r.label).toLowerCase())
    .join('; ');
  return {
    id: 'refer_outside.imh_flanders',
    category: 'refer_outside',
    interventions: team,
    rationale: say(ctx, {
      nl: `Er is een signaal waarvoor het IMH-team de aangewezen plek is (${reasons}). In Vlaanderen is één signaal genoeg: overleg met het baby-peuterteam van het CGG of meld aan, met toestemming van de ouders. Betrek ook de eerstelijnspartners rond het gezin: Kind en Gezin, opvoedingsondersteuning, thuisbegeleiding, kraamzorg, kinderopvang, volwassenen-GGZ of het perinataal netwerk.`,
      en: `There is a signal for which the IMH team is the right place (${reasons}). In Flanders one signal is enough: consult the baby-toddler team of the mental health centre (CGG) or refer, with the parents' consent. Involve the first-line partners around the family too: Kind en Gezin, parenting support, home support, maternity care, childcare, adult mental health or the perinatal network.`,
    }),
    sources: [
      src(DOC.imhSlides, 'Wanneer verwijzen naar IMH ondersteuning of behandeling?'),
      src(DOC.imhSlides, 'Belang van samenwerking'),
      src(DOC.imhGoodPractice, 'Inleiding: leeftijd −9 maanden tot +5 jaar'),
    ],
  };
}
