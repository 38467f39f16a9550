import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../shared/context.ts';
import { idParams, text } from '../shared/schemas.ts';
import {
  closeSafetyRouteEarly,
  familySafetyRoute,
  openSafetyRoute,
  readSafetyRoute,
  recordSafetyStep,
} from './commands.ts';
import { openRouteIn, stepIn } from './schema.ts';

const closeIn = z.strictObject({ reason: text(2000) });

export async function safetyRouteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['safety route'];
  app.post(
    '/api/families/:id/safety-route',
    { schema: { tags, params: idParams, body: openRouteIn } },
    async (req, reply) =>
      reply.code(201).send(await openSafetyRoute(requestContext(req), req.params.id, req.body)),
  );
  app.get('/api/families/:id/safety-route', { schema: { tags, params: idParams } }, (req) =>
    familySafetyRoute(requestContext(req), req.params.id),
  );
  app.get('/api/safety-routes/:id', { schema: { tags, params: idParams } }, (req) =>
    readSafetyRoute(requestContext(req), req.params.id),
  );
  app.post('/api/safety-routes/:id/steps', { schema: { tags, params: idParams, body: stepIn } }, (req) =>
    recordSafetyStep(requestContext(req), req.params.id, req.body),
  );
  app.post('/api/safety-routes/:id/close', { schema: { tags, params: idParams, body: closeIn } }, (req) =>
    closeSafetyRouteEarly(requestContext(req), req.params.id, req.body.reason),
  );
}
