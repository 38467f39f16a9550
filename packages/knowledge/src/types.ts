import type {
  CueCode,
  FactorCode,
  ImhReferralReasonCode,
  InstrumentId,
  InterventionCode,
  ReferralCriterionCode,
} from './codes.ts';
import type { SharingQuestionCode } from './sharing-questions.ts';

export type Lang = 'nl' | 'en';
export type Region = 'nl' | 'be';

/**
 * A user-facing text. `nl` is Dutch as used in the Netherlands; `nlBE` is Flemish wording, given only
 * where it differs (e.g. "consultatiebureau" vs "consultatiebureau van Kind & Gezin").
 */
export interface Text {
  nl: string;
  en: string;
  nlBE?: string;
}

/**
 * The five source documents in shared/seeds, by file name, and the few published works outside them that
 * DESIGN names: for perinatal screening (the seeds describe why parents are screened, not the cut-offs)
 * and for the Flemish safety route (DESIGN §2.9; the seeds do not describe the Vertrouwenscentra).
 */
export type SourceDocument =
  | '000_2afd5fe3e55409ce.txt'
  | '001_23e4b783b1d7f17e.txt'
  | '002_3a329fe0ecb56741.txt'
  | '003_47e0953cc5abd28a.txt'
  | '004_a575a0cd639937c5.txt'
  | ExternalSourceDocument;

/** Published works outside the seeds, cited by a stable short name. */
export type ExternalSourceDocument =
  | 'leidraad-screening-detectie-vlaanderen'
  | 'edmondson-2010-epds-fathers'
  | 'whooley-1997'
  | 'spitzer-2006-gad-7'
  | 'kroenke-2001-phq-9'
  | 'cox-1987-epds'
  | 'vertrouwenscentra-kindermishandeling-vlaanderen'
  | 'voorzorg-inclusiecriteria';

/** Where a fact or criterion comes from: a seed document and a table, section or recommendation in it. */
export interface SourceRef {
  document: SourceDocument;
  ref: string;
}

/**
 * Age in months since birth, half-open: from `minMonths` up to but not including `belowMonths`, so that
 * adjoining ranges (LSVG below 72 months, AISI from 72) leave no age between them, fractional months
 * included. Before birth, ages are expressed in completed weeks of gestation instead (`minGestationWeeks`),
 * because that is how prenatal care and programme criteria count.
 */
export interface AgeRange {
  minMonths: number;
  belowMonths: number;
  /** Set when the item also applies during pregnancy, from this week of gestation. */
  minGestationWeeks?: number;
}

export type CueLevel = 'safe' | 'insecure' | 'problematic';
export type CueSubject = 'child' | 'parent' | 'interaction';

export interface Cue {
  code: CueCode;
  level: CueLevel;
  subject: CueSubject;
  label: Text;
  sources: SourceRef[];
}

export type FactorLevel = 'parent' | 'family' | 'child';
export type FactorKind = 'hindering' | 'protective';
/** When in the child's life the factor is relevant to ask about. */
export type FactorPhase = 'pregnancy' | 'any';

export interface Factor {
  code: FactorCode;
  kind: FactorKind;
  level: FactorLevel;
  phase: FactorPhase;
  label: Text;
  sources: SourceRef[];
}

export interface ReferralCriterion {
  code: ReferralCriterionCode;
  label: Text;
  /** Examples that make the criterion concrete for the professional. */
  examples: Text;
  /**
   * Only seen once the child is born: the child's own regulation and how parent and child communicate. Before the
   * birth the other criteria remain, so two of them can still be met.
   */
  afterBirth: boolean;
  sources: SourceRef[];
}

/** Effectiveness ratings of the NJi database of effective youth interventions, as the sources state them. */
export type EffectivenessLevel =
  | 'well_founded_in_theory'
  | 'first_indications'
  | 'good_indications'
  | 'strong_indications'
  | 'practice_based'
  | 'not_rated';

export type InterventionSetting = 'within_jgz' | 'outside_jgz';
export type InterventionCategory =
  | 'video_feedback'
  | 'parenting_support'
  | 'indicated_program'
  | 'prenatal_support'
  | 'universal_support'
  | 'specialised_help'
  | 'safety';

export interface Intervention {
  code: InterventionCode;
  /**
   * The one name every screen, letter and advice uses (see `interventionName`); `label` says in plain words
   * what it is and never stands in for the name.
   */
  name: string;
  /** The name in Flanders, where it differs. */
  nameBE?: string;
  category: InterventionCategory;
  label: Text;
  description: Text;
  ages: AgeRange;
  targetGroup: Text;
  setting: InterventionSetting;
  format: Text;
  effectiveness: EffectivenessLevel;
  regions: Region[];
  sources: SourceRef[];
}

export interface Instrument {
  id: InstrumentId;
  name: string;
  label: Text;
  ages: AgeRange;
  informant: Text;
  purpose: Text;
  /** Who holds the rights and whether item texts may be shipped; definitions with items are loaded by an organisation. */
  licence: Text;
  itemTextsIncluded: boolean;
  sources: SourceRef[];
}

export interface VanWiechenItem {
  code: string;
  /** Contact moment age in months (4 weeks = 1). */
  ageMonths: number;
  ageLabel: Text;
  label: Text;
  /** What to look at or talk about when doing this item. */
  attention: Text;
  sources: SourceRef[];
}

export interface ConversationStep {
  order: 1 | 2 | 3 | 4;
  code: 'name_the_positive' | 'invite_reflection' | 'share_observations' | 'inform_and_advise';
  title: Text;
  guidance: Text;
  examplePhrase: Text;
  sources: SourceRef[];
}

export type TipAgeBand = '0_2' | '2_4' | '4_12' | '12_plus';

export interface ParentTipBand {
  band: TipAgeBand;
  ages: AgeRange;
  title: Text;
  tips: Text[];
  sources: SourceRef[];
}

export interface PyramidLevel {
  level: 1 | 2 | 3 | 4 | 5;
  code: string;
  label: Text;
  description: Text;
  sources: SourceRef[];
}

export interface ImhReferralReason {
  code: ImhReferralReasonCode;
  label: Text;
  sources: SourceRef[];
}

export interface SharingQuestion {
  order: 1 | 2 | 3 | 4 | 5;
  code: SharingQuestionCode;
  question: Text;
  sources: SourceRef[];
}

export interface SafetyRoute {
  region: Region;
  intervention: InterventionCode;
  label: Text;
  steps: Text[];
  sources: SourceRef[];
}
