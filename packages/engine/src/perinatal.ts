import {
  CRISIS_LINES,
  DEFAULT_PERINATAL_THRESHOLDS,
  DOC,
  type Lang,
  PERINATAL_THRESHOLD_SOURCES,
  type PerinatalThresholds,
  perinatalSources,
  type Region,
  SCREENING_OUTCOMES,
  type ScreeningOutcome,
  type SourceRef,
  src,
  type Text,
  text,
  uniqueSources,
} from '@nestwerk/knowledge';
import type { AssessmentInput, ParentInput, ScreeningInput } from './input.ts';

type Role = AssessmentInput['parents'][number]['role'];

export interface ParentMentalHealth {
  /** Index of the parent in the input's `parents`. */
  parent: number;
  role: Role;
  outcome: ScreeningOutcome;
  /** One line per finding that set or raised the outcome, most pressing first. */
  reasons: string[];
  /** What to do next, in one sentence. */
  nextStep: string;
  sources: SourceRef[];
}

interface Finding {
  outcome: ScreeningOutcome;
  reason: Text;
  source: SourceRef;
}

const RANK: Record<ScreeningOutcome, number> = Object.fromEntries(
  SCREENING_OUTCOMES.map((o, i) => [o, i]),
) as Record<ScreeningOutcome, number>;

/** The birth mother's cut-offs apply to her; a father or co-parent gets the lower one (Edmondson 2010). */
function isBirthParent(role: Role): boolean {
  return role === 'mother';
}

function epdsScores(s: Extract<ScreeningInput, { instrument: 'epds' }>): { total: number; item10: number } {
  if (s.items) return { total: s.items.reduce((a, b) => a + b, 0), item10: s.items[9] ?? 0 };
  return { total: s.total ?? 0, item10: s.item10 ?? 0 };
}

function findings(parent: ParentInput, t: PerinatalThresholds): Finding[] {
  const screenings = parent.screenings ?? [];
  const done = new Set(screenings.map((s) => s.instrument));
  const out: Finding[] = [];
  for (const s of screenings) {
    switch (s.instrument) {
      case 'whooley': {
        const yes = s.answers.filter(Boolean).length;
        // Either "yes" is positive; it asks for the second stage, unless that was already done.
        if (yes > 0 && !done.has('epds') && !done.has('phq_9'))
          out.push({
            outcome: 'screen_further',
            reason: {
              nl: `Whooley: ${yes} van 2 vragen met ja beantwoord; vul de EPDS (en zo nodig de GAD-7) in.`,
              en: `Whooley: ${yes} of 2 questions answered yes; complete the EPDS (and the GAD-7 if needed).`,
            },
            source: src(DOC.whooley1997, 'Case-finding instruments for depression'),
          });
        else if (yes === 0)
          out.push({
            outcome: 'no_concern',
            reason: {
              nl: 'Whooley: beide vragen met nee beantwoord.',
              en: 'Whooley: both questions answered no.',
            },
            source: src(DOC.whooley1997, 'Case-finding instruments for depression'),
          });
        break;
      }
      case 'gad_2':
        if (s.total >= t.gad2ScreenFurtherFrom && !done.has('gad_7'))
          out.push({
            outcome: 'screen_further',
            reason: {
              nl: `GAD-2: ${s.total} (vanaf ${t.gad2ScreenFurtherFrom} verder screenen); vul de GAD-7 in.`,
              en: `GAD-2: ${s.total} (screen further from ${t.gad2ScreenFurtherFrom}); complete the GAD-7.`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.gad2ScreenFurtherFrom,
          });
        break;
      case 'gad_7':
        if (s.total > t.gad7ClinicalAbove)
          out.push({
            outcome: 'clinical_assessment',
            reason: {
              nl: `GAD-7: ${s.total} (boven ${t.gad7ClinicalAbove}).`,
              en: `GAD-7: ${s.total} (above ${t.gad7ClinicalAbove}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.gad7ClinicalAbove,
          });
        else if (s.total > t.gad7RescreenAbove)
          out.push({
            outcome: 'rescreen',
            reason: {
              nl: `GAD-7: ${s.total} (boven ${t.gad7RescreenAbove}).`,
              en: `GAD-7: ${s.total} (above ${t.gad7RescreenAbove}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.gad7RescreenAbove,
          });
        break;
      case 'phq_9':
        if (s.total >= t.phq9ClinicalFrom)
          out.push({
            outcome: 'clinical_assessment',
            reason: {
              nl: `PHQ-9: ${s.total} (vanaf ${t.phq9ClinicalFrom}).`,
              en: `PHQ-9: ${s.total} (from ${t.phq9ClinicalFrom}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.phq9ClinicalFrom,
          });
        else if (s.total >= t.phq9RescreenFrom)
          out.push({
            outcome: 'rescreen',
            reason: {
              nl: `PHQ-9: ${s.total} (vanaf ${t.phq9RescreenFrom}).`,
              en: `PHQ-9: ${s.total} (from ${t.phq9RescreenFrom}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.phq9RescreenFrom,
          });
        break;
      case 'epds': {
        const { total, item10 } = epdsScores(s);
        if (item10 > t.epdsItem10UrgentAbove)
          out.push({
            outcome: 'urgent',
            reason: {
              nl: `EPDS vraag 10 (zelfbeschadiging): ${item10}. Dit vraagt vandaag actie, wat het totaal ook is.`,
              en: `EPDS item 10 (self-harm): ${item10}. This needs action today, whatever the total.`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.epdsItem10UrgentAbove,
          });
        const clinicalAbove = isBirthParent(parent.role)
          ? t.epdsClinicalAbove
          : Math.min(t.epdsClinicalAbove, t.epdsClinicalAboveNonBirthParent);
        const clinicalKey = isBirthParent(parent.role)
          ? 'epdsClinicalAbove'
          : 'epdsClinicalAboveNonBirthParent';
        if (total > clinicalAbove)
          out.push({
            outcome: 'clinical_assessment',
            reason: {
              nl: `EPDS: ${total} (boven ${clinicalAbove}${isBirthParent(parent.role) ? '' : ', de grens voor vaders en meeouders'}).`,
              en: `EPDS: ${total} (above ${clinicalAbove}${isBirthParent(parent.role) ? '' : ', the cut-off for fathers and co-parents'}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES[clinicalKey],
          });
        else if (total > t.epdsRescreenAbove)
          out.push({
            outcome: 'rescreen',
            reason: {
              nl: `EPDS: ${total} (boven ${t.epdsRescreenAbove}).`,
              en: `EPDS: ${total} (above ${t.epdsRescreenAbove}).`,
            },
            source: PERINATAL_THRESHOLD_SOURCES.epdsRescreenAbove,
          });
        break;
      }
      default: {
        const exhaustive: never = s;
        return exhaustive;
      }
    }
  }
  return out;
}

const NEXT_STEP: Record<ScreeningOutcome, (region: Region) => Text> = {
  no_concern: () => ({
    nl: 'Geen aanwijzingen bij deze screening. Blijf het welbevinden van de ouder volgen op de volgende screeningsmomenten.',
    en: 'No indications in this screening. Keep following the parent’s wellbeing at the next screening moments.',
  }),
  screen_further: () => ({
    nl: 'Screen verder met de EPDS (somberheid) en/of de GAD-7 (angst), bij voorkeur nog in dit contact.',
    en: 'Screen further with the EPDS (low mood) and/or the GAD-7 (anxiety), preferably during this contact.',
  }),
  rescreen: () => ({
    nl: 'Herhaal de screening over 2 tot 4 weken en bespreek intussen met de ouder wat helpt en wie steunt.',
    en: 'Repeat the screening in 2 to 4 weeks and meanwhile discuss with the parent what helps and who supports them.',
  }),
  clinical_assessment: (region) => ({
    nl: 'Bespreek met de ouder een klinische beoordeling door de huisarts of een GGZ-professional, en plan de opvolging.',
    nlBE:
      region === 'be'
        ? 'Bespreek met de ouder een klinische beoordeling door de huisarts, het perinataal netwerk of het CGG, en plan de opvolging.'
        : undefined,
    en: 'Discuss with the parent a clinical assessment by the GP or a mental health professional, and plan the follow-up.',
  }),
  urgent: (region) => ({
    nl: `Vandaag nog: vraag door naar gedachten aan zelfbeschadiging, laat de ouder niet alleen weggaan zonder plan, neem dezelfde dag contact op met de huisarts of crisisdienst en informeer de teamleider. Geef ${CRISIS_LINES[region].name} (${CRISIS_LINES[region].phone}) mee.`,
    en: `Today: ask about thoughts of self-harm, do not let the parent leave without a plan, contact the GP or crisis service the same day and inform the team lead. Give ${CRISIS_LINES[region].name} (${CRISIS_LINES[region].phone}).`,
  }),
};

/**
 * Each parent's perinatal screening outcome (DESIGN §3 "Perinatal mental health"): every finding is
 * weighed, the highest outcome wins. Only parents with at least one screening get an entry.
 */
export function screenParents(
  input: AssessmentInput,
  lang: Lang,
  thresholds: PerinatalThresholds = DEFAULT_PERINATAL_THRESHOLDS,
): ParentMentalHealth[] {
  const out: ParentMentalHealth[] = [];
  input.parents.forEach((parent, index) => {
    const result = outcomeOf(parent, index, input.region, lang, thresholds);
    if (result) out.push(result);
  });
  return out;
}

/**
 * One parent's outcome over these screenings alone, by the rules of {@link screenParents}: what a recorded
 * screening or a parent's own questionnaire is worked out with, and said again in another language. Null
 * without a screening.
 */
export function screenParent(
  parent: ParentInput,
  region: Region,
  lang: Lang,
  thresholds: PerinatalThresholds = DEFAULT_PERINATAL_THRESHOLDS,
): ParentMentalHealth | null {
  return outcomeOf(parent, 0, region, lang, thresholds);
}

function outcomeOf(
  parent: ParentInput,
  index: number,
  region: Region,
  lang: Lang,
  thresholds: PerinatalThresholds,
): ParentMentalHealth | null {
  if (!parent.screenings || parent.screenings.length === 0) return null;
  const found = findings(parent, thresholds).sort((a, b) => RANK[b.outcome] - RANK[a.outcome]);
  const outcome: ScreeningOutcome = found[0]?.outcome ?? 'no_concern';
  const sources = [perinatalSources.why, ...found.map((f) => f.source)];
  return {
    parent: index,
    role: parent.role,
    outcome,
    reasons: found
      .filter((f) => f.outcome !== 'no_concern' || outcome === 'no_concern')
      .map((f) => text(f.reason, lang, region)),
    nextStep: text(NEXT_STEP[outcome](region), lang, region),
    sources: uniqueSources(sources),
  };
}

/** Rescreen or higher counts as a positive screen: a hindering factor of that parent in the balance. */
export function isPositiveScreen(outcome: ScreeningOutcome): boolean {
  return RANK[outcome] >= RANK.rescreen;
}
