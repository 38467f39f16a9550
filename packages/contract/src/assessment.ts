import type { Assessment } from '@nestwerk/engine';
import {
  CAREGIVER_ROLES,
  DOC,
  FACTOR_CODES,
  HINDERING_FACTOR_CODES,
  INSECURE_CUE_CODES,
  INSTRUMENT_IDS,
  PROBLEMATIC_CUE_CODES,
  PROTECTIVE_FACTOR_CODES,
  RELATIONSHIP_BANDS,
  SAFE_CUE_CODES,
  SCREENING_OUTCOMES,
  type SourceDocument,
} from '@nestwerk/knowledge';
import { z } from 'zod';
import { criterionCode, imhReasonCode, interventionCode } from './codes.ts';
import { date, id, timestamp } from './common.ts';

export const relationshipBand = z.enum(RELATIONSHIP_BANDS);

const tally = z.object({ hindering: z.number(), protective: z.number() });
/** Burden and strength per level of the balance model. */
export const balanceByLevel = z.object({ parent: tally, family: tally, child: tally });
export type BalanceByLevel = z.output<typeof balanceByLevel>;

export const sourceRef = z.object({
  document: z.enum(Object.values(DOC) as [SourceDocument, ...SourceDocument[]]),
  ref: z.string(),
});

const parentRole = z.enum(CAREGIVER_ROLES);

/**
 * Assessments stored before parents were screened lack the per-parent fields; they read as "none" rather than
 * failing, since a stored result is never recomputed.
 */
const parentMentalHealth = z.object({
  parent: z.number().int().min(0),
  role: parentRole,
  outcome: z.enum(SCREENING_OUTCOMES),
  reasons: z.array(z.string()),
  nextStep: z.string(),
  sources: z.array(sourceRef),
});

/**
 * The engine's assessment as it is stored with a contact. Written out here so that what leaves the server is
 * exactly this (a stored result never carries more than the engine's shape); `satisfies` keeps it in step with
 * the engine's type.
 */
export const assessmentResult = z.object({
  knowledgeVersion: z.string(),
  lang: z.enum(['nl', 'en']),
  region: z.enum(['nl', 'be']),
  disclaimer: z.string(),
  child: z.object({
    born: z.boolean(),
    ageMonths: z.number().nullable(),
    gestationWeeks: z.number().nullable(),
  }),
  relationship: z.object({
    suggestedBand: relationshipBand,
    safeCues: z.array(z.enum(SAFE_CUE_CODES)),
    insecureCues: z.array(z.enum(INSECURE_CUE_CODES)),
    problematicCues: z.array(z.enum(PROBLEMATIC_CUE_CODES)),
    basis: z.enum([
      'nothing_observed',
      'too_few_safe_cues',
      'nearly_all_insecure_plus_problematic',
      'problematic_cues_without_nearly_all_insecure',
      'insecure_cues_tip_balance',
      'safe_cues_predominate',
    ]),
    explanation: z.string(),
  }),
  balance: z.object({
    hindering: z.array(z.enum(HINDERING_FACTOR_CODES)),
    protective: z.array(z.enum(PROTECTIVE_FACTOR_CODES)),
    unknown: z.array(z.enum(FACTOR_CODES)),
    cumulativeRisk: z.boolean(),
    netBurden: z.number(),
    uncarriedChildBurden: z.number().default(0),
    tilt: z.enum(['burden_outweighs', 'in_balance', 'strength_outweighs', 'strength_unknown', 'not_known']),
    byLevel: balanceByLevel,
    explanation: z.string(),
    missingStrengths: z.array(z.string()),
    byParent: z
      .array(
        z.object({
          parent: z.number().int().min(0),
          role: parentRole,
          hindering: z.array(z.enum(HINDERING_FACTOR_CODES)),
          protective: z.array(z.enum(PROTECTIVE_FACTOR_CODES)),
        }),
      )
      .default([]),
  }),
  referral: z.object({
    criteriaMet: z.array(criterionCode),
    referOutside: z.boolean(),
    imhReasons: z.array(imhReasonCode),
  }),
  safetyConcern: z.boolean(),
  parentMentalHealth: z.array(parentMentalHealth).default([]),
  recommendations: z.array(
    z.object({
      id: z.string(),
      category: z.enum([
        'advise_and_monitor',
        'video_feedback',
        'parenting_support',
        'indicated_program',
        'refer_outside',
        'perinatal_mental_health',
        'safety',
      ]),
      interventions: z.array(interventionCode),
      rationale: z.string(),
      sources: z.array(sourceRef),
    }),
  ),
  instruments: z.array(
    z.object({
      id: z.enum(INSTRUMENT_IDS),
      reason: z.string(),
      conditions: z.string().default(''),
      sources: z.array(sourceRef).default([]),
    }),
  ),
  conversationAids: z
    .array(z.object({ id: z.string(), reason: z.string(), sources: z.array(sourceRef) }))
    .default([]),
  parentTips: z.object({
    band: z.enum(['0_2', '2_4', '4_12', '12_plus']),
    title: z.string(),
    tips: z.array(z.string()),
  }),
}) satisfies z.ZodType<Assessment>;

/** The stored assessment of a contact, plus the estimate agreed with the parent. */
export const assessment = assessmentResult.extend({
  id,
  contactId: id,
  agreedBand: relationshipBand.nullable(),
  agreedNote: z.string().nullable(),
  cumulativeRisk: z.boolean(),
  createdAt: timestamp,
});
export type StoredAssessment = z.output<typeof assessment>;

/** One line of the family's estimate history: suggested and agreed, oldest first. */
export const assessmentHistoryItem = z.object({
  contactId: id,
  date,
  suggestedBand: relationshipBand,
  agreedBand: relationshipBand.nullable(),
  /** Null for rows stored before the tally was kept. */
  balanceByLevel: balanceByLevel.nullable(),
  cumulativeRisk: z.boolean(),
  safetyConcern: z.boolean(),
  referOutside: z.boolean(),
});
export type AssessmentHistoryItem = z.output<typeof assessmentHistoryItem>;
