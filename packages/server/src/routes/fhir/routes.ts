import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { localDate } from '../../policies/calendar.ts';
import { requestContext } from '../shared/context.ts';
import { exportFamilyFhir, readCapabilityStatement, readCodeSystem } from './commands.ts';

export async function fhirRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.fhir.familyBundle, (req, reply) => {
    reply.header('content-disposition', `attachment; filename="nestwerk-family-${req.params.id}.fhir.json"`);
    return exportFamilyFhir(requestContext(req), req.params.id);
  });
  serve(app, api.fhir.codeSystem, (req) => readCodeSystem(req.params.name));
  serve(app, api.fhir.metadata, (req) => readCapabilityStatement({ today: localDate(req.server.clock()) }));
}
