import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { familyAccessLog, searchAuditLog } from './commands.ts';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.audit.search, (req) => searchAuditLog(requestContext(req), req.query));
  serve(app, api.audit.familyAccessLog, (req) =>
    familyAccessLog(requestContext(req), req.params.id, req.query),
  );
}
