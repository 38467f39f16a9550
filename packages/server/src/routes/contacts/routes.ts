import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { readContact, recordContact, reviseContact } from './commands.ts';
import { contactIn, contactUpdate } from './schema.ts';

export async function contactRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['contacts'];
  app.post(
    '/api/families/:id/contacts',
    { schema: { tags, params: idParams, body: contactIn } },
    async (req, reply) =>
      reply.code(201).send(await recordContact(requestContext(req), req.params.id, req.body)),
  );
  app.get('/api/contacts/:id', { schema: { tags, params: idParams } }, (req) =>
    readContact(requestContext(req), req.params.id),
  );
  app.put('/api/contacts/:id', { schema: { tags, params: idParams, body: contactUpdate } }, (req) =>
    reviseContact(requestContext(req), req.params.id, req.body),
  );
}
