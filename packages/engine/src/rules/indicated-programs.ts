import { DOC, type FactorCode, src } from '@nestwerk/knowledge';
import type { Recommendation } from '../assessment.ts';
import type { AssessmentInput } from '../input.ts';
import { available, factorLabels, has, type RuleContext, say } from './context.ts';

/**
 * VoorZorg is for "jonge, laagopgeleide zwangere vrouwen met een eerste kind en diverse problemen" (guideline
 * Thema 3). The guideline does not quantify "young" or the entry week; those two limits come from the
 * programme's own inclusion criteria (NCJ), cited separately.
 */
export const VOORZORG_MAX_MOTHER_AGE = 25;
export const VOORZORG_LAST_ENROLMENT_WEEK = 28;

/**
 * Stevig Ouderschap's four risk domains (Thema 3, "Geïndiceerde programma's"): a burdened history,
 * personal problems, too little support, a heavier upbringing (a demanding child).
 */
export const STEVIG_DOMAINS: Record<'history' | 'personal' | 'support' | 'child', readonly FactorCode[]> = {
  history: ['parent_adverse_childhood_experiences', 'parent_justice_involvement', 'previous_child_died'],
  personal: [
    'parent_stress',
    'parent_depression',
    'parent_mental_health_problems',
    'parent_substance_abuse',
    'parent_intellectual_disability',
    'low_parenting_confidence',
    'stress_or_anxiety_in_pregnancy',
    'unplanned_pregnancy',
  ],
  support: [
    'low_social_support',
    'parent_absent',
    'family_conflict_or_complex_divorce',
    'socioeconomic_problems',
  ],
  child: [
    'difficult_temperament_or_excessive_crying',
    'preterm_birth',
    'low_birth_weight',
    'congenital_or_chronic_condition',
  ],
};

function voorzorgRule(ctx: RuleContext): Recommendation | null {
  const { age, input } = ctx;
  if (age.born || age.gestationWeeks >= VOORZORG_LAST_ENROLMENT_WEEK || input.child.firstChild !== true)
    return null;
  // "diverse problemen": age and education alone are not enough; problems must accumulate.
  if (!ctx.balance.cumulativeRisk) return null;
  const youngLowEducatedMother = input.parents.some(
    (p) =>
      p.role === 'mother' &&
      p.lowEducation === true &&
      p.ageYears !== undefined &&
      p.ageYears <= VOORZORG_MAX_MOTHER_AGE,
  );
  if (!youngLowEducatedMother) return null;
  const programmes = available(ctx, ['voorzorg']);
  if (programmes.length === 0) return null;
  return {
    id: 'indicated_program.voorzorg',
    category: 'indicated_program',
    interventions: programmes,
    rationale: say(ctx, {
      nl: `Een jonge, laagopgeleide moeder die zwanger is van haar eerste kind (${age.gestationWeeks} weken), met een stapeling van problemen, hoort bij de doelgroep van VoorZorg: huisbezoeken vanaf de zwangerschap tot het kind 2 jaar is. Aanmelden kan tot week ${VOORZORG_LAST_ENROLMENT_WEEK}.`,
      en: `A young mother with little formal education, pregnant with her first child (${age.gestationWeeks} weeks) and facing several problems, belongs to VoorZorg's target group: home visits from pregnancy until the child is 2. Enrolment is possible until week ${VOORZORG_LAST_ENROLMENT_WEEK}.`,
    }),
    sources: [
      src(DOC.guideline, 'Thema 3, aanbeveling 2'),
      src(DOC.guideline, "Thema 3, Geïndiceerde programma's: VoorZorg"),
      src(DOC.voorzorgCriteria, 'Inclusiecriteria: leeftijd tot en met 25 jaar, aanmelding voor week 28'),
    ],
  };
}

type StevigDomain = keyof typeof STEVIG_DOMAINS;
const STEVIG_DOMAIN_NAMES = Object.keys(STEVIG_DOMAINS) as readonly StevigDomain[];

/**
 * The domains that apply and, in domain order, the present factors to name. One look at each domain's
 * factors gives both: this runs on every assessment, and a filter plus a flatMap over the same lists
 * was about a sixth of an assessment's time.
 */
export function stevigFindings(factors: AssessmentInput['factors']): {
  domains: StevigDomain[];
  present: FactorCode[];
} {
  const support = factors.low_social_support === 'present' || factors.social_network_support === 'absent';
  const domains: StevigDomain[] = [];
  const present: FactorCode[] = [];
  for (const d of STEVIG_DOMAIN_NAMES) {
    const before = present.length;
    for (const f of STEVIG_DOMAINS[d]) if (factors[f] === 'present') present.push(f);
    if (present.length > before || (d === 'support' && support)) domains.push(d);
  }
  return { domains, present };
}

function stevigOuderschapRule(ctx: RuleContext): Recommendation | null {
  const { domains, present } = stevigFindings(ctx.input.factors);
  // The programme rests on parent and family burden: a burden of the parents' own (history, personal
  // problems, support) must be there, and it must accumulate. Child-level factors count towards the
  // accumulation only where the family's strengths do not carry them (balance.ts).
  const parentFamily = ctx.balance.byLevel.parent.hindering + ctx.balance.byLevel.family.hindering;
  const uncarriedChild = ctx.balance.uncarriedChildBurden > 0 ? 1 : 0;
  const ownBurden = domains.some((d) => d !== 'child');
  if (!ownBurden || parentFamily + uncarriedChild < 2) return null;
  const programmes = available(ctx, ctx.age.born ? ['stevig_ouderschap'] : ['stevig_ouderschap_prenataal']);
  if (programmes.length === 0) return null;
  const risk = factorLabels(ctx, present);
  return {
    id: 'indicated_program.stevig_ouderschap',
    category: 'indicated_program',
    interventions: programmes,
    rationale: say(ctx, {
      nl: `Er is een stapeling van risicofactoren (${risk || 'weinig steun uit het netwerk'}) in de domeinen waarvoor Stevig Ouderschap bedoeld is. Bied het programma aan${ctx.age.born ? '' : ' (prenatale variant, vanaf 16 weken zwangerschap)'}.`,
      en: `Risk factors accumulate (${risk || 'little support from the network'}) in the domains Stevig Ouderschap was made for. Offer the programme${ctx.age.born ? '' : ' (prenatal variant, from 16 weeks of pregnancy)'}.`,
    }),
    sources: [
      src(DOC.guideline, 'Thema 3, aanbeveling 2'),
      src(DOC.guideline, "Thema 3, Geïndiceerde programma's: Stevig Ouderschap"),
    ],
  };
}

/** Parents who avoid care are met by outreach rather than waiting for them to come. */
function bemoeizorgRule(ctx: RuleContext): Recommendation | null {
  if (!has(ctx, 'care_avoidance')) return null;
  const programmes = available(ctx, ['bemoeizorg']);
  if (programmes.length === 0) return null;
  return {
    id: 'indicated_program.bemoeizorg',
    category: 'indicated_program',
    interventions: programmes,
    rationale: say(ctx, {
      nl: 'De ouder mijdt hulp. Outreachende zorg (bemoeizorg) zoekt het gezin actief op in plaats van af te wachten.',
      en: 'The parent avoids help. Outreach care (bemoeizorg) actively seeks out the family instead of waiting.',
    }),
    sources: ctx.knowledge.interventions.find((i) => i.code === 'bemoeizorg')?.sources ?? [],
  };
}

/** Thema 3, aanbeveling 2: families in a specific risk group are offered an indicated programme. */
export function indicatedProgramRules(ctx: RuleContext): Recommendation[] {
  return [voorzorgRule(ctx), stevigOuderschapRule(ctx), bemoeizorgRule(ctx)].filter(
    (r): r is Recommendation => r !== null,
  );
}
