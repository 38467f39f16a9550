import { z } from 'zod';
import { text } from '../shared/schemas.ts';

export const CONCERNS = ['maltreatment', 'neglect', 'domestic_violence'] as const;

export const openRouteIn = z.strictObject({
  concerns: z.array(z.enum(CONCERNS)).min(1, 'name at least one concern').max(3),
});

export const stepIn = z.strictObject({
  step: z.number().int().min(1).max(5),
  notes: text(8000),
  /** Step-specific answers; which ones depends on the region's route and the step (see answers.ts). */
  answers: z.record(z.string().max(60), z.unknown()).optional(),
});

export type OpenRouteIn = z.infer<typeof openRouteIn>;
export type StepIn = z.infer<typeof stepIn>;
