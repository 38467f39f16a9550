import { z } from 'zod';
import { emptyBody, id, idParams, page, paging, text, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

/** A written reason a reviewer can judge afterwards, not "x". */
export const EMERGENCY_REASON_MIN_LENGTH = 20;

export const breakGlassBody = z.strictObject({
  reason: text(2000).refine(
    (s) => s.length >= EMERGENCY_REASON_MIN_LENGTH,
    `write down why you need this file now (at least ${EMERGENCY_REASON_MIN_LENGTH} characters)`,
  ),
});

export const reviewListQuery = z.strictObject({
  reviewed: z.enum(['true', 'false']).default('false'),
  ...paging,
});
export type ReviewListIn = z.output<typeof reviewListQuery>;

/** For the reviewer: who broke the glass, on which family (by id only, no content), why, and when. */
export const emergencyAccessEntry = z.object({
  id,
  familyId: id,
  user: z.object({ id, displayName: z.string(), role: z.string() }),
  reason: z.string(),
  startedAt: timestamp,
  expiresAt: timestamp,
  reviewedBy: z.object({ id, displayName: z.string().nullable() }).nullable(),
  reviewedAt: timestamp.nullable(),
  /** The grant this one renewed: a renewal is a new event with its own reason. */
  renewsId: id.nullable(),
});
export type EmergencyAccessEntry = z.output<typeof emergencyAccessEntry>;

export const emergencyAccess = {
  start: defineRoute({
    method: 'POST',
    path: '/api/families/:id/emergency-access',
    summary: 'Open a family without a care relationship, for a few hours, on a written reason',
    tags: ['emergency access'],
    params: idParams,
    body: breakGlassBody,
    status: 201,
    response: z.object({ id, expiresAt: timestamp }),
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/emergency-access',
    summary: 'Emergency access to review, or already reviewed',
    tags: ['emergency access'],
    query: reviewListQuery,
    response: page(emergencyAccessEntry),
  }),
  review: defineRoute({
    method: 'POST',
    path: '/api/emergency-access/:id/review',
    summary: 'Mark an emergency access as reviewed',
    tags: ['emergency access'],
    params: idParams,
    body: emptyBody,
    response: emergencyAccessEntry,
    errors: [409],
  }),
};
