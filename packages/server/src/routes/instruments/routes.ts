import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { listInstruments, recordInstrumentResponse } from './commands.ts';
import { loadInstrumentDefinitions } from './definitions.ts';
import { instrumentResponseIn } from './schema.ts';

export async function instrumentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const definitions = loadInstrumentDefinitions();
  const tags = ['instruments'];
  // Metadata only (no family data): any logged-in user may see which instruments exist and can be scored.
  app.get('/api/instruments', { schema: { tags } }, async () => ({ items: listInstruments(definitions) }));
  app.post(
    '/api/families/:id/instrument-responses',
    { schema: { tags, params: idParams, body: instrumentResponseIn } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await recordInstrumentResponse(requestContext(req), req.params.id, req.body, definitions)),
  );
}
