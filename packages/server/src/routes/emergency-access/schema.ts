import { z } from 'zod';
import { EMERGENCY_REASON_MIN_LENGTH } from '../../policies/emergency.ts';
import { paging, text } from '../shared/schemas.ts';

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

export type ReviewListIn = z.infer<typeof reviewListQuery>;
