import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { exportFamily } from './commands.ts';

export async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/families/:id/export',
    { schema: { tags: ['export'], params: idParams } },
    async (req, reply) => {
      const body = await exportFamily(requestContext(req), req.params.id);
      // A download the professional hands to the parents; the id is the only name it needs.
      return reply
        .header('content-disposition', `attachment; filename="nestwerk-family-${req.params.id}.json"`)
        .send(body);
    },
  );
}
