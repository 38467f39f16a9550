import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { patchAgreement } from './commands.ts';

export async function agreementRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.agreements.patch, (req) => patchAgreement(requestContext(req), req.params.id, req.body));
}
