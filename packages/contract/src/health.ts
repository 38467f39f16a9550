import { z } from 'zod';
import { defineRoute } from './route.ts';

export const healthStatus = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
});
export type HealthStatus = z.output<typeof healthStatus>;

/** Routes about the service itself rather than its data. */
export const system = {
  /** For load balancers and `npm start`: no log-in, and a real round trip to the database. */
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Whether the service and its database answer',
    tags: ['health'],
    auth: 'none',
    response: healthStatus,
    alternatives: { 503: healthStatus },
  }),
  /** The document describes the API; it does not describe itself. */
  openapi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'The OpenAPI document of this API',
    tags: ['health'],
    auth: 'none',
    response: z.record(z.string(), z.unknown()),
    hidden: true,
  }),
};
