import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { addPerson, patchPerson } from './commands.ts';
import { personIn, personPatch } from './schema.ts';

export async function personRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/families/:id/persons',
    { schema: { tags: ['persons'], params: idParams, body: personIn } },
    async (req, reply) => reply.code(201).send(await addPerson(requestContext(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/persons/:id',
    { schema: { tags: ['persons'], params: idParams, body: personPatch } },
    (req) => patchPerson(requestContext(req), req.params.id, req.body),
  );
}
