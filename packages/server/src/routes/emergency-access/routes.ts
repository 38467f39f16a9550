import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { breakGlass, listForReview, review } from './commands.ts';

export async function emergencyAccessRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.emergencyAccess.start, (req) =>
    breakGlass(requestContext(req), req.params.id, req.body.reason),
  );
  serve(app, api.emergencyAccess.list, (req) => listForReview(requestContext(req), req.query));
  serve(app, api.emergencyAccess.review, (req) => review(requestContext(req), req.params.id));
}
