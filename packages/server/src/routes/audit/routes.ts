import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { familyAccessLog, searchAuditLog } from './commands.ts';
import { accessLogQuery, auditQuery } from './schema.ts';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  app.get('/api/audit', { schema: { tags, querystring: auditQuery } }, (req) =>
    searchAuditLog(requestContext(req), req.query),
  );
  app.get(
    '/api/families/:id/access-log',
    { schema: { tags, params: idParams, querystring: accessLogQuery } },
    (req) => familyAccessLog(requestContext(req), req.params.id, req.query),
  );
}
