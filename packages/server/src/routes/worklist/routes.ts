import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { worklist } from './commands.ts';

export async function worklistRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.worklist.list, (req) => worklist(requestContext(req), req.query));
}
