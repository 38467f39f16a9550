import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { createFamily, patchFamily, readFamily, searchFamilies } from './commands.ts';

export async function familyRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.families.search, (req) => searchFamilies(requestContext(req), req.query));
  serve(app, api.families.create, (req) => createFamily(requestContext(req), req.body));
  serve(app, api.families.read, (req) => readFamily(requestContext(req), req.params.id));
  serve(app, api.families.patch, (req) => patchFamily(requestContext(req), req.params.id, req.body));
}
