import { conversationAids } from './conversation-aids.ts';
import { conversationGuide } from './conversation-guide.ts';
import { cues } from './cues.ts';
import { factors } from './factors.ts';
import { imhReferralReasons } from './imh-referral-reasons.ts';
import { instruments } from './instruments.ts';
import { interventions } from './interventions.ts';
import { parentTips } from './parent-tips.ts';
import { partnerKinds } from './partner-kinds.ts';
import { parentScreeningInstruments, SCREENING_SCHEDULE } from './perinatal-screening.ts';
import { pyramid } from './pyramid.ts';
import { referralCriteria } from './referral-criteria.ts';
import { safetyRoutes } from './safety-routes.ts';
import { sharingQuestions } from './sharing-questions.ts';
import { vanWiechenItems } from './van-wiechen.ts';

/**
 * Bumped whenever guidance content changes, so every stored assessment says which knowledge it used.
 * Format: guideline edition + content revision.
 */
export const KNOWLEDGE_VERSION = 'ouder-kindrelatie-2021.2';

export const knowledge = {
  version: KNOWLEDGE_VERSION,
  cues,
  factors,
  referralCriteria,
  interventions,
  instruments,
  vanWiechenItems,
  conversationGuide,
  conversationAids,
  parentTips,
  pyramid,
  imhReferralReasons,
  sharingQuestions,
  safetyRoutes,
  partnerKinds,
  parentScreeningInstruments,
  screeningSchedule: SCREENING_SCHEDULE,
} as const;

export type Knowledge = typeof knowledge;
