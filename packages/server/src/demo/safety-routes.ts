import type { FactorCode } from '@nestwerk/knowledge';
import type { Insertable } from 'kysely';
import type { SafetyRouteStepTable, SafetyRouteTable } from '../db/schema.ts';
import { safetyRouteKnowledge } from '../presenters/safety-route.ts';
import { DAY } from './days.ts';
import { demoId, Random } from './random.ts';

/**
 * The safety route a demo contact with safety signals started (DESIGN §2.9): the Meldcode in the Netherlands,
 * the Vertrouwenscentrum Kindermishandeling in Flanders. The contact's notes say the route was started, so the
 * file, the worklist (an open route comes first) and the team's overview show it. At a family's latest contact
 * the route is still open, one to three steps in; after an earlier one it went through all five steps to a
 * decision that follows the weighing (routes/safety-routes/answers.ts). Drawn from a generator of its own,
 * seeded by the contact, so the rest of the demo is drawn as before.
 */
export interface DemoSafetyRoute {
  route: Insertable<SafetyRouteTable>;
  steps: Insertable<SafetyRouteStepTable>[];
}

type Region = 'nl' | 'be';

const STEP_NOTES: Record<Region, readonly string[]> = {
  nl: [
    'Signalen vastgelegd: wat ik zag en hoorde tijdens het contact, en wat de ouder zelf vertelde.',
    'Overlegd met de aandachtsfunctionaris; samen de signalen gewogen.',
    'Gesprek met de ouder over de zorgen; de ouder herkent dat het thuis gespannen is.',
    'Afwegingskader doorlopen met de aandachtsfunctionaris.',
    'Besluit genomen en met de ouder besproken.',
  ],
  be: [
    'Signalen vastgelegd: wat ik zag en hoorde tijdens het huisbezoek, en wat de ouder zelf vertelde.',
    'Besproken op het teamoverleg; samen de signalen gewogen.',
    'Gesprek met de ouder over de zorgen; de ouder herkent dat het thuis gespannen is.',
    'De vijf vragen rond het beroepsgeheim overlopen met de teamverantwoordelijke.',
    'Beslissing genomen samen met het Vertrouwenscentrum en met de ouder besproken.',
  ],
};

/** A step's answers as the route's rules take them; steps 1 and 3 record notes only. */
function answers(region: Region, step: number, rng: Random, report: boolean): Record<string, unknown> | null {
  if (region === 'nl') {
    if (step === 2)
      return {
        consulted: rng.chance(0.5) ? ['safeguarding_officer'] : ['colleague', 'safeguarding_officer'],
      };
    // Unsafety found means the decision must be a report to Veilig Thuis (the weighing framework's rule).
    if (step === 4) return { unsafety: report, canOfferOrOrganiseHelp: true };
    if (step === 5) return { reportToVeiligThuis: report, organiseHelp: true };
    return null;
  }
  if (step === 2) return { consulted: rng.chance(0.5) ? ['team'] : ['team', 'vertrouwenscentrum'] };
  if (step === 4)
    return {
      purpose: 'De veiligheid van het kind beschermen.',
      alternativeWithoutSharing: 'Eerst samen met de ouder hulp zoeken rond de spanningen thuis.',
      consentSought: 'De ouder weet van het overleg en stemt ermee in.',
      proportionality: 'Enkel wat nodig is voor de veiligheid van het kind.',
      whatToWhom: report
        ? 'De signalen en het gesprek met de ouder, aan het Vertrouwenscentrum.'
        : 'Niets buiten het team.',
      breakSecrecy: report,
    };
  if (step === 5) return { registerWithVertrouwenscentrum: report, organiseHelp: true };
  return null;
}

export function demoSafetyRoute(args: {
  region: Region;
  familyId: string;
  contactId: string;
  professionalId: string;
  /** When the contact was recorded (ISO). */
  at: string;
  factors: Partial<Record<FactorCode, string>>;
  /** Still open (the family's latest contact), or decided. */
  open: boolean;
}): DemoSafetyRoute {
  const rng = new Random(`safety-route:${args.contactId}`);
  const atMs = Date.parse(args.at);
  const concerns = [
    ...(args.factors.maltreatment_or_neglect === 'present'
      ? [rng.chance(0.5) ? 'maltreatment' : 'neglect']
      : []),
    ...(args.factors.domestic_violence === 'present' ? ['domestic_violence'] : []),
  ];
  const id = demoId(rng, atMs);
  const report = rng.chance(0.3);
  // An open route is a few steps in, recorded right after the contact; a decided one took a day a step.
  const stepCount = args.open ? rng.int(1, 3) : 5;
  const stepAt = (step: number) =>
    new Date(args.open ? atMs + step * 20 * 60_000 : atMs + (step - 1) * DAY + 3_600_000).toISOString();
  const steps = Array.from({ length: stepCount }, (_, i) => {
    const step = i + 1;
    const given = answers(args.region, step, rng, report);
    return {
      route_id: id,
      step,
      recorded_by: args.professionalId,
      recorded_at: stepAt(step),
      notes: STEP_NOTES[args.region][i] ?? '',
      answers_json: given === null ? null : JSON.stringify(given),
    };
  });
  const decision = args.open ? null : (steps[4]?.answers_json ?? null);
  return {
    route: {
      id,
      family_id: args.familyId,
      region: args.region,
      route: safetyRouteKnowledge(args.region).intervention,
      concerns_json: JSON.stringify(concerns.length > 0 ? concerns : ['neglect']),
      status: args.open ? 'open' : 'closed',
      decision_json: decision,
      opened_by: args.professionalId,
      opened_at: new Date(atMs + 10 * 60_000).toISOString(),
      closed_by: args.open ? null : args.professionalId,
      closed_at: args.open ? null : stepAt(5),
      // As the API counts: one for opening, one for each step (the fifth closes the route).
      version: 1 + stepCount,
    },
    steps,
  };
}
