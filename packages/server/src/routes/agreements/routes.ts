import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { patchAgreement } from './commands.ts';
import { agreementPatch } from './schema.ts';

export async function agreementRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.patch(
    '/api/agreements/:id',
    { schema: { tags: ['agreements'], params: idParams, body: agreementPatch } },
    (req) => patchAgreement(requestContext(req), req.params.id, req.body),
  );
}
