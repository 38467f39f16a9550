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
import type { ParentRole } from './input.ts';
import type { ConversationAidSuggestion } from './instrument-suggestions.ts';
import type { ParentMentalHealth } from './perinatal.ts';

export type RecommendationCategory =
  | 'advise_and_monitor'
  | 'video_feedback'
  | 'parenting_support'
  | 'indicated_program'
  | 'refer_outside'
  | 'perinatal_mental_health'
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
  /** What must happen before it is used: explain, ask consent, interpret with care. */
  conditions: string;
  sources: SourceRef[];
}

export interface Assessment {
  knowledgeVersion: string;
  lang: 'nl' | 'en';
  region: 'nl' | 'be';
  /** Advice to discuss with the parent, never a diagnosis: the professional records the agreed estimate. */
  disclaimer: string;
  child: { born: boolean; ageMonths: number | null; gestationWeeks: number | null };
  relationship: ContinuumResult & { explanation: string };
  balance: BalanceResult & {
    explanation: string;
    missingStrengths: string[];
    /** Each parent's own factors (recorded for them, or their positive screening). */
    byParent: Array<{
      parent: number;
      role: ParentRole;
      hindering: BalanceResult['hindering'];
      protective: BalanceResult['protective'];
    }>;
  };
  referral: {
    criteriaMet: ReferralCriterionCode[];
    referOutside: boolean;
    /** Reasons to involve an IMH team (seed 004) that the recorded observations point to. */
    imhReasons: ImhReferralReasonCode[];
  };
  safetyConcern: boolean;
  /** One entry per parent with at least one screening (DESIGN §4.1). */
  parentMentalHealth: ParentMentalHealth[];
  recommendations: Recommendation[];
  instruments: InstrumentSuggestion[];
  /** The lighter aids of Thema 2 aanbeveling 8a/8b, for a relationship that is not (yet) safe. */
  conversationAids: ConversationAidSuggestion[];
  parentTips: { band: TipAgeBand; title: string; tips: string[] };
}
