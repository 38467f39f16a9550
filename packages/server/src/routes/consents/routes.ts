import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { giveConsent, withdraw } from './commands.ts';
import { consentIn } from './schema.ts';

export async function consentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['consents'];
  app.post(
    '/api/families/:id/consents',
    { schema: { tags, params: idParams, body: consentIn } },
    async (req, reply) =>
      reply.code(201).send(await giveConsent(requestContext(req), req.params.id, req.body)),
  );
  app.post('/api/consents/:id/withdraw', { schema: { tags, params: idParams, body: emptyBody } }, (req) =>
    withdraw(requestContext(req), req.params.id),
  );
}
