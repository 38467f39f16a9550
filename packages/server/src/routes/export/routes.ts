import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { exportFamily } from './commands.ts';

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.exports.family, (req, reply) => {
    // A download the professional hands to the parents; the id is the only name it needs.
    reply.header('content-disposition', `attachment; filename="nestwerk-family-${req.params.id}.json"`);
    return exportFamily(requestContext(req), req.params.id);
  });
}
