import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import {
  closeSafetyRouteEarly,
  familySafetyRoute,
  openSafetyRoute,
  readSafetyRoute,
  recordSafetyStep,
} from './commands.ts';

export async function safetyRouteRoutes(app: FastifyInstance): Promise<void> {
  const routes = api.safetyRoutes;
  serve(app, routes.open, (req) => openSafetyRoute(requestContext(req), req.params.id, req.body));
  serve(app, routes.ofFamily, (req) => familySafetyRoute(requestContext(req), req.params.id));
  serve(app, routes.read, (req) => readSafetyRoute(requestContext(req), req.params.id));
  serve(app, routes.step, (req) => recordSafetyStep(requestContext(req), req.params.id, req.body));
  serve(app, routes.close, (req) =>
    closeSafetyRouteEarly(requestContext(req), req.params.id, req.body.reason),
  );
}
