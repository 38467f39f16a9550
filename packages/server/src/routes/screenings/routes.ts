import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { listScreenings, readThresholds, recordScreening, setThresholds } from './commands.ts';

export async function screeningRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.screenings.record, (req) => recordScreening(requestContext(req), req.params.id, req.body));
  serve(app, api.screenings.list, (req) => listScreenings(requestContext(req), req.params.id));
  serve(app, api.screenings.thresholds, (req) => readThresholds(requestContext(req)));
  serve(app, api.screenings.setThresholds, (req) => setThresholds(requestContext(req), req.body));
}
