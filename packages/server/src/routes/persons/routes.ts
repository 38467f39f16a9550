import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { addPerson, patchPerson, revealNationalId } from './commands.ts';

export async function personRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.persons.add, (req) => addPerson(requestContext(req), req.params.id, req.body));
  serve(app, api.persons.patch, (req) => patchPerson(requestContext(req), req.params.id, req.body));
  serve(app, api.persons.nationalId, (req) => revealNationalId(requestContext(req), req.params.id));
}
