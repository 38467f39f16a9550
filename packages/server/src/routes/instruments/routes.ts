import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { listInstruments, recordInstrumentResponse } from './commands.ts';
import { loadInstrumentDefinitions } from './definitions.ts';

export async function instrumentRoutes(app: FastifyInstance): Promise<void> {
  const definitions = loadInstrumentDefinitions();
  // Metadata only (no family data): any logged-in user may see which instruments exist and can be scored.
  serve(app, api.instruments.list, () => ({ items: listInstruments(definitions) }));
  serve(app, api.instruments.respond, (req) =>
    recordInstrumentResponse(requestContext(req), req.params.id, req.body, definitions),
  );
}
