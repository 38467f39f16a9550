import { z } from 'zod';
import { knowledgeText, who } from './codes.ts';
import { id, idParams, text, timestamp, version } from './common.ts';
import { defineRoute } from './route.ts';

export const SAFETY_CONCERNS = ['maltreatment', 'neglect', 'domestic_violence'] as const;
export type SafetyConcern = (typeof SAFETY_CONCERNS)[number];

/** Recorded answers of a step or the decision, as the step's rules accepted them (see the server's answers.ts). */
const answers = z.record(z.string(), z.unknown());

export const safetyRouteStep = z.object({
  step: z.number().int(),
  /** What this step asks, from the knowledge's safety route. */
  text: knowledgeText,
  done: z.boolean(),
  recordedAt: timestamp.nullable(),
  recordedBy: who.nullable(),
  notes: z.string().nullable(),
  answers: answers.nullable(),
});

/** The Meldcode (NL) or the Vertrouwenscentrum route (BE), step by step. */
export const safetyRoute = z.object({
  id,
  region: z.enum(['nl', 'be']),
  route: z.string(),
  label: knowledgeText,
  status: z.enum(['open', 'closed']),
  concerns: z.array(z.string()),
  /** The next step to record; null once the route is closed. */
  currentStep: z.number().int().nullable(),
  steps: z.array(safetyRouteStep),
  decision: answers.nullable(),
  openedAt: timestamp,
  openedBy: who,
  closedAt: timestamp.nullable(),
  closedBy: who.nullable(),
  version,
});
export type SafetyRoute = z.output<typeof safetyRoute>;
export type SafetyRouteStep = z.output<typeof safetyRouteStep>;

export const openRouteIn = z.strictObject({
  concerns: z.array(z.enum(SAFETY_CONCERNS)).min(1, 'name at least one concern').max(3),
});

export const stepIn = z.strictObject({
  step: z.number().int().min(1).max(5),
  notes: text(8000),
  /** Step-specific answers; which ones depends on the region's route and the step. */
  answers: z.record(z.string().max(60), z.unknown()).optional(),
});

export const closeRouteIn = z.strictObject({ reason: text(2000) });

export type OpenRouteIn = z.output<typeof openRouteIn>;
export type StepIn = z.output<typeof stepIn>;

const tags = ['safety route'];

export const safetyRoutes = {
  open: defineRoute({
    method: 'POST',
    path: '/api/families/:id/safety-route',
    summary: 'Open the safety route for a family',
    tags,
    params: idParams,
    body: openRouteIn,
    status: 201,
    response: safetyRoute,
    errors: [409],
  }),
  ofFamily: defineRoute({
    method: 'GET',
    path: '/api/families/:id/safety-route',
    summary: 'The family’s open safety route, else the most recent one',
    tags,
    params: idParams,
    response: z.object({ current: safetyRoute.nullable() }),
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/safety-routes/:id',
    summary: 'A safety route',
    tags,
    params: idParams,
    response: safetyRoute,
  }),
  step: defineRoute({
    method: 'POST',
    path: '/api/safety-routes/:id/steps',
    summary: 'Record a step of the safety route',
    tags,
    params: idParams,
    body: stepIn,
    response: safetyRoute,
    errors: [409, 422],
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/safety-routes/:id/close',
    summary: 'Close a safety route before its last step, with the reason',
    tags,
    params: idParams,
    body: closeRouteIn,
    response: safetyRoute,
    errors: [409],
  }),
};
