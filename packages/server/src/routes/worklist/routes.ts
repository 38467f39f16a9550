import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { worklist } from './commands.ts';
import { worklistQuery } from './schema.ts';

export async function worklistRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/worklist', { schema: { tags: ['worklist'], querystring: worklistQuery } }, (req) =>
    worklist(requestContext(req), req.query),
  );
}
