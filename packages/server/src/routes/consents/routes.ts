import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { giveConsent, withdraw } from './commands.ts';

export async function consentRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.consents.create, (req) => giveConsent(requestContext(req), req.params.id, req.body));
  serve(app, api.consents.withdraw, (req) => withdraw(requestContext(req), req.params.id));
}
