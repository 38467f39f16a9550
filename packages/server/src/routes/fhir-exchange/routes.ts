import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { importBundle } from './commands.ts';
import { transferFamily } from './transfer.ts';

export async function fhirExchangeRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.fhir.import, (req) => importBundle(requestContext(req), req.body));
  serve(app, api.fhir.transfer, (req) => transferFamily(requestContext(req), req.params.id, req.body));
}
