import { z } from 'zod';
import { accessLogEntry } from './audit.ts';
import { id, idParams, timestamp } from './common.ts';
import { contactWithAssessment } from './contacts.ts';
import { familyRecord } from './families.ts';
import { questionnaireScore } from './instruments.ts';
import { defineRoute } from './route.ts';

/** The complete record with its access history, for the parents: everything stored, and who looked at it. */
export const familyExport = z.object({
  exportedAt: timestamp,
  /** Why this copy was made: a parent's request to see what is recorded about them (AVG art. 15). */
  purpose: z.literal('parent_request'),
  organisation: z.object({ name: z.string(), region: z.enum(['nl', 'be']) }),
  family: familyRecord,
  contacts: z.array(contactWithAssessment),
  instrumentResponses: z.array(
    z.object({
      id,
      instrumentId: z.string(),
      /** As filled in; null when the stored answers cannot be read. */
      answers: z.record(z.string(), z.number().nullable()).nullable(),
      score: questionnaireScore.nullable(),
      createdAt: timestamp,
    }),
  ),
  accessHistory: z.array(accessLogEntry),
});
export type FamilyExport = z.output<typeof familyExport>;

export const exports = {
  family: defineRoute({
    method: 'GET',
    path: '/api/families/:id/export',
    summary: "Everything recorded about a family and who looked at it, for the parents' request",
    tags: ['export'],
    params: idParams,
    response: familyExport,
  }),
};
