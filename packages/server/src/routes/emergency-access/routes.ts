import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { breakGlass, listForReview, review } from './commands.ts';
import { breakGlassBody, reviewListQuery } from './schema.ts';

export async function emergencyAccessRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['emergency access'];
  app.post(
    '/api/families/:id/emergency-access',
    { schema: { tags, params: idParams, body: breakGlassBody } },
    async (req, reply) =>
      reply.code(201).send(await breakGlass(requestContext(req), req.params.id, req.body.reason)),
  );
  app.get('/api/emergency-access', { schema: { tags, querystring: reviewListQuery } }, (req) =>
    listForReview(requestContext(req), req.query),
  );
  app.post(
    '/api/emergency-access/:id/review',
    { schema: { tags, params: idParams, body: emptyBody } },
    (req) => review(requestContext(req), req.params.id),
  );
}
