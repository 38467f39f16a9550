import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { teamOverview } from './commands.ts';

export async function teamRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.dashboard.team, (req) => teamOverview(requestContext(req)));
}
