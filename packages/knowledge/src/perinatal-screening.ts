import type { CaregiverRole } from './caregiver-roles.ts';
import { DOC, src } from './sources.ts';
import type { SourceRef, Text } from './types.ts';

/**
 * Perinatal mental health screening of every parent, from pregnancy to the child's first birthday
 * (DESIGN §2.11 and §3). Why: seed 000 Thema 2 — mothers and fathers are both at raised risk in this
 * period (about one in ten fathers), and the first line is where it can be noticed. How: the Flemish
 * "Leidraad screening en detectie" — two short questions first, a longer questionnaire only when they are
 * positive. A positive screen is a screening result, never a diagnosis.
 */

export const PARENT_SCREENING_INSTRUMENTS = ['whooley', 'gad_2', 'gad_7', 'phq_9', 'epds'] as const;
export type ParentScreeningInstrument = (typeof PARENT_SCREENING_INSTRUMENTS)[number];

/** Ordered from least to most pressing: when several apply, the highest wins. */
export const SCREENING_OUTCOMES = [
  'no_concern',
  'screen_further',
  'rescreen',
  'clinical_assessment',
  'urgent',
] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** The parents who are screened: the ones who carry or raise the baby from the start. */
export const SCREENED_ROLES: readonly CaregiverRole[] = ['mother', 'father', 'co_parent'];

const why = src(DOC.imhRationale, 'Thema 2, Ook ouders vergen zorgzame aandacht: perinatal mental health');
const leidraad = src(DOC.leidraadScreening, 'Screeningsinstrumenten en afkappunten');

export interface ParentScreeningDefinition {
  id: ParentScreeningInstrument;
  name: string;
  label: Text;
  /** What it screens for. */
  focus: 'depression' | 'anxiety';
  /** First stage (two questions) or second stage (asked when the first is positive). */
  stage: 1 | 2;
  /** Number of items and the score range of one item. */
  items: number;
  itemMax: number;
  totalMax: number;
  /**
   * Whether Nestwerk may ship the item texts. The EPDS text is copyrighted (Royal College of
   * Psychiatrists): its scoring ships, the organisation loads the text it is licensed to use.
   */
  itemTextsIncluded: boolean;
  licence: Text;
  sources: SourceRef[];
}

export const parentScreeningInstruments: ParentScreeningDefinition[] = [
  {
    id: 'whooley',
    name: 'Whooley-vragen',
    label: {
      nl: 'Whooley-vragen (2 vragen over somberheid)',
      en: 'Whooley questions (2 questions on low mood)',
    },
    focus: 'depression',
    stage: 1,
    items: 2,
    itemMax: 1,
    totalMax: 2,
    itemTextsIncluded: true,
    licence: {
      nl: 'Vrij te gebruiken; twee ja/nee-vragen over somberheid en verlies van interesse in de afgelopen maand.',
      en: 'Free to use; two yes/no questions on low mood and loss of interest over the past month.',
    },
    sources: [src(DOC.whooley1997, 'Case-finding instruments for depression'), leidraad, why],
  },
  {
    id: 'gad_2',
    name: 'GAD-2',
    label: { nl: 'GAD-2 (2 vragen over angst en piekeren)', en: 'GAD-2 (2 questions on anxiety and worry)' },
    focus: 'anxiety',
    stage: 1,
    items: 2,
    itemMax: 3,
    totalMax: 6,
    itemTextsIncluded: true,
    licence: {
      nl: 'Vrij te gebruiken (Pfizer, zonder kosten of toestemming); de eerste twee vragen van de GAD-7.',
      en: 'Free to use (Pfizer, no fee or permission needed); the first two items of the GAD-7.',
    },
    sources: [src(DOC.spitzer2006, 'GAD-7 and GAD-2'), leidraad, why],
  },
  {
    id: 'gad_7',
    name: 'GAD-7',
    label: { nl: 'GAD-7 (7 vragen over angst)', en: 'GAD-7 (7 questions on anxiety)' },
    focus: 'anxiety',
    stage: 2,
    items: 7,
    itemMax: 3,
    totalMax: 21,
    itemTextsIncluded: true,
    licence: {
      nl: 'Vrij te gebruiken (Pfizer, zonder kosten of toestemming).',
      en: 'Free to use (Pfizer, no fee or permission needed).',
    },
    sources: [src(DOC.spitzer2006, 'GAD-7 and GAD-2'), leidraad],
  },
  {
    id: 'phq_9',
    name: 'PHQ-9',
    label: {
      nl: 'PHQ-9 (9 vragen over somberheid; optioneel)',
      en: 'PHQ-9 (9 questions on low mood; optional)',
    },
    focus: 'depression',
    stage: 2,
    items: 9,
    itemMax: 3,
    totalMax: 27,
    itemTextsIncluded: true,
    licence: {
      nl: 'Vrij te gebruiken (Pfizer, zonder kosten of toestemming).',
      en: 'Free to use (Pfizer, no fee or permission needed).',
    },
    sources: [src(DOC.kroenke2001, 'PHQ-9 severity thresholds'), leidraad],
  },
  {
    id: 'epds',
    name: 'Edinburgh Postnatal Depression Scale (EPDS)',
    label: {
      nl: 'EPDS (10 vragen over hoe de ouder zich de afgelopen week voelde)',
      en: 'EPDS (10 questions on how the parent felt over the past week)',
    },
    focus: 'depression',
    stage: 2,
    items: 10,
    itemMax: 3,
    totalMax: 30,
    itemTextsIncluded: false,
    licence: {
      nl: 'Auteursrecht: Royal College of Psychiatrists. Nestwerk levert alleen de scoring; de organisatie laadt de vragen waarvoor zij toestemming heeft. Vraag 10 gaat over zelfbeschadiging.',
      en: 'Copyright: Royal College of Psychiatrists. Nestwerk ships the scoring only; the organisation loads the questions it is licensed to use. Item 10 is about self-harm.',
    },
    sources: [src(DOC.cox1987, 'Edinburgh Postnatal Depression Scale'), leidraad],
  },
];

/**
 * Cut-offs, as organisation settings within bounds (DESIGN §3). A score strictly ABOVE a "more than"
 * threshold counts; `gad2ScreenFurtherFrom` is "at least".
 */
export interface PerinatalThresholds {
  /** GAD-2 ≥ this → screen further with GAD-7. */
  gad2ScreenFurtherFrom: number;
  /** EPDS > this → rescreen in 2–4 weeks. */
  epdsRescreenAbove: number;
  /** EPDS > this → clinical assessment (mothers). */
  epdsClinicalAbove: number;
  /** EPDS > this → clinical assessment for a father or co-parent (Edmondson 2010: fathers score lower). */
  epdsClinicalAboveNonBirthParent: number;
  /** EPDS item 10 (self-harm) > this → urgent, same day, whatever the total. */
  epdsItem10UrgentAbove: number;
  /** GAD-7 > this → rescreen. */
  gad7RescreenAbove: number;
  /** GAD-7 > this → clinical assessment. */
  gad7ClinicalAbove: number;
  /** PHQ-9 ≥ this → rescreen (moderate symptoms). */
  phq9RescreenFrom: number;
  /** PHQ-9 ≥ this → clinical assessment (moderately severe). */
  phq9ClinicalFrom: number;
}

export const DEFAULT_PERINATAL_THRESHOLDS: PerinatalThresholds = {
  gad2ScreenFurtherFrom: 3,
  epdsRescreenAbove: 10,
  epdsClinicalAbove: 13,
  epdsClinicalAboveNonBirthParent: 10,
  epdsItem10UrgentAbove: 0,
  gad7RescreenAbove: 10,
  gad7ClinicalAbove: 15,
  phq9RescreenFrom: 10,
  phq9ClinicalFrom: 15,
};

/**
 * The range an organisation may set each threshold in: wide enough for local protocols, narrow enough that
 * a typo cannot switch screening off (item 10 can never be set above 0: self-harm is always urgent).
 */
export const PERINATAL_THRESHOLD_BOUNDS: Record<keyof PerinatalThresholds, { min: number; max: number }> = {
  gad2ScreenFurtherFrom: { min: 2, max: 4 },
  epdsRescreenAbove: { min: 8, max: 12 },
  epdsClinicalAbove: { min: 10, max: 15 },
  epdsClinicalAboveNonBirthParent: { min: 8, max: 13 },
  epdsItem10UrgentAbove: { min: 0, max: 0 },
  gad7RescreenAbove: { min: 5, max: 12 },
  gad7ClinicalAbove: { min: 10, max: 18 },
  phq9RescreenFrom: { min: 5, max: 15 },
  phq9ClinicalFrom: { min: 10, max: 20 },
};

/** Where each threshold comes from, for docs/guideline-rules.md and the advice's sources. */
export const PERINATAL_THRESHOLD_SOURCES: Record<keyof PerinatalThresholds, SourceRef> = {
  gad2ScreenFurtherFrom: src(DOC.spitzer2006, 'GAD-2 cut-off 3'),
  epdsRescreenAbove: leidraad,
  epdsClinicalAbove: leidraad,
  epdsClinicalAboveNonBirthParent: src(DOC.edmondson2010, 'EPDS cut-off 10/11 for fathers'),
  epdsItem10UrgentAbove: leidraad,
  gad7RescreenAbove: leidraad,
  gad7ClinicalAbove: src(DOC.spitzer2006, 'GAD-7 severity: 15 and above severe'),
  phq9RescreenFrom: src(DOC.kroenke2001, 'PHQ-9 severity: 10 moderate'),
  phq9ClinicalFrom: src(DOC.kroenke2001, 'PHQ-9 severity: 15 moderately severe'),
};

/** A moment in the Flemish screening schedule: during pregnancy by week, after birth by week of life. */
export interface ScreeningMoment {
  id: 'first_contact' | 'mid_pregnancy' | 'postpartum_6_weeks';
  label: Text;
  /** Due in this window of pregnancy weeks, or of weeks after birth. */
  window: { phase: 'pregnancy' | 'postpartum'; fromWeek: number; toWeek: number };
  sources: SourceRef[];
}

/** The default schedule (Leidraad screening en detectie): first contact, mid-pregnancy, six weeks after birth. */
export const SCREENING_SCHEDULE: ScreeningMoment[] = [
  {
    id: 'first_contact',
    label: {
      nl: 'Eerste contact in de zwangerschap (tot 16 weken)',
      en: 'First contact in pregnancy (up to 16 weeks)',
    },
    window: { phase: 'pregnancy', fromWeek: 4, toWeek: 16 },
    sources: [src(DOC.leidraadScreening, 'Screeningsmomenten: eerste contact')],
  },
  {
    id: 'mid_pregnancy',
    label: { nl: 'Halverwege de zwangerschap (20–21 weken)', en: 'Mid-pregnancy (20–21 weeks)' },
    window: { phase: 'pregnancy', fromWeek: 20, toWeek: 21 },
    sources: [src(DOC.leidraadScreening, 'Screeningsmomenten: 20–21 weken')],
  },
  {
    id: 'postpartum_6_weeks',
    label: { nl: 'Zes weken na de geboorte', en: 'Six weeks after birth' },
    window: { phase: 'postpartum', fromWeek: 6, toWeek: 8 },
    sources: [src(DOC.leidraadScreening, 'Screeningsmomenten: 6 weken postpartum')],
  },
];

/** Helplines to give with an urgent outcome: suicide prevention, by region. */
export const CRISIS_LINES: Record<'nl' | 'be', { name: string; phone: string; web: string }> = {
  nl: { name: '113 Zelfmoordpreventie', phone: '113 of 0800-0113', web: 'https://www.113.nl' },
  be: { name: 'Zelfmoordlijn 1813', phone: '1813', web: 'https://www.zelfmoord1813.be' },
};

export const perinatalSources = { why, leidraad };
