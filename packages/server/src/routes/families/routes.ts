import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { createFamily, patchFamily, readFamily, searchFamilies } from './commands.ts';
import { createFamilyBody, patchFamilyBody, searchQuery } from './schema.ts';

export async function familyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['families'];
  app.get('/api/families', { schema: { tags, querystring: searchQuery } }, (req) =>
    searchFamilies(requestContext(req), req.query),
  );
  app.post('/api/families', { schema: { tags, body: createFamilyBody } }, async (req, reply) =>
    reply.code(201).send(await createFamily(requestContext(req), req.body)),
  );
  app.get('/api/families/:id', { schema: { tags, params: idParams } }, (req) =>
    readFamily(requestContext(req), req.params.id),
  );
  app.patch('/api/families/:id', { schema: { tags, params: idParams, body: patchFamilyBody } }, (req) =>
    patchFamily(requestContext(req), req.params.id, req.body),
  );
}
