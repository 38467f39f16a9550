import type {
  ImhReferralReasonCode,
  InstrumentId,
  InterventionCode,
  ReferralCriterionCode,
  SourceRef,
  TipAgeBand,
} from '@nestwerk/knowledge';
import type { BalanceResult } from './balance.ts';
import type { ContinuumResult } from './continuum.ts';

export type RecommendationCategory =
  | 'advise_and_monitor'
  | 'video_feedback'
  | 'parenting_support'
  | 'indicated_program'
  | 'refer_outside'
  | 'safety';

export interface Recommendation {
  /** Stable per rule, so a UI can key on it and a stored assessment can be compared over time. */
  id: string;
  category: RecommendationCategory;
  interventions: InterventionCode[];
  rationale: string;
  sources: SourceRef[];
}

export interface InstrumentSuggestion {
  id: InstrumentId;
  reason: string;
}

export interface Assessment {
  knowledgeVersion: string;
  lang: 'nl' | 'en';
  region: 'nl' | 'be';
  /** Advice to discuss with the parent, never a diagnosis: the professional records the agreed estimate. */
  disclaimer: string;
  child: { born: boolean; ageMonths: number | null; gestationWeeks: number | null };
  relationship: ContinuumResult & { explanation: string };
  balance: BalanceResult & { explanation: string; missingStrengths: string[] };
  referral: {
    criteriaMet: ReferralCriterionCode[];
    referOutside: boolean;
    /** Reasons to involve an IMH team (seed 004) that the recorded observations point to. */
    imhReasons: ImhReferralReasonCode[];
  };
  safetyConcern: boolean;
  recommendations: Recommendation[];
  instruments: InstrumentSuggestion[];
  parentTips: { band: TipAgeBand; title: string; tips: string[] };
}
