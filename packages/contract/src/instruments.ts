import type { QuestionnaireScore } from '@nestwerk/engine';
import { z } from 'zod';
import { knowledgeText } from './codes.ts';
import { id, idParams, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

const MAX_ANSWERS = 500;

export const instrumentResponseIn = z.strictObject({
  childId: id,
  contactId: id.optional(),
  instrumentId: z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be an instrument id such as lsvg'),
  answers: z
    .record(z.string().min(1).max(100), z.number().int().min(-1000).max(1000).nullable())
    .refine((a) => Object.keys(a).length <= MAX_ANSWERS, `at most ${MAX_ANSWERS} answers`),
});
export type InstrumentResponseIn = z.output<typeof instrumentResponseIn>;

/** An instrument the knowledge names or the organisation loaded; item texts only where licensed. */
export const instrument = z.object({
  id: z.string(),
  name: z.string(),
  /** Half-open: from minMonths up to but not including belowMonths. */
  ages: z.object({ minMonths: z.number(), belowMonths: z.number() }).nullable(),
  itemTextsIncluded: z.boolean(),
  /** Whether this organisation loaded a (licensed) definition, so that responses can be scored. */
  scorable: z.boolean(),
  definitionVersion: z.string().nullable(),
});
export type Instrument = z.output<typeof instrument>;

/** The engine's score of a filled-in questionnaire: an indication per scale, never a diagnosis. */
export const questionnaireScore = z.object({
  questionnaireId: z.string(),
  version: z.string(),
  scales: z.array(
    z.object({
      id: z.string(),
      label: knowledgeText,
      score: z.number().nullable(),
      answered: z.number().int(),
      missing: z.number().int(),
      prorated: z.boolean(),
      band: z.string().nullable(),
      interpretation: knowledgeText.nullable(),
    }),
  ),
  criticalItems: z.array(z.string()),
}) satisfies z.ZodType<QuestionnaireScore>;

export const instrumentResult = z.object({
  id,
  childId: id,
  contactId: id.nullable(),
  instrumentId: z.string(),
  definitionVersion: z.string(),
  /** Null when the stored score cannot be read. */
  score: questionnaireScore.nullable(),
  createdAt: timestamp,
});
export type InstrumentResult = z.output<typeof instrumentResult>;

export const instruments = {
  list: defineRoute({
    method: 'GET',
    path: '/api/instruments',
    summary: 'The instruments known and which of them this organisation can score',
    tags: ['instruments'],
    response: z.object({ items: z.array(instrument) }),
  }),
  respond: defineRoute({
    method: 'POST',
    path: '/api/families/:id/instrument-responses',
    summary: 'Score and store a filled-in questionnaire',
    tags: ['instruments'],
    params: idParams,
    body: instrumentResponseIn,
    status: 201,
    response: instrumentResult,
    errors: [422],
  }),
};
