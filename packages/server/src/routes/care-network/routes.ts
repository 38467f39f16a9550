import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import {
  addToCareNetwork,
  changeCareNetworkMember,
  readCareNetwork,
  removeFromCareNetwork,
} from './commands.ts';

export async function careNetworkRoutes(app: FastifyInstance): Promise<void> {
  const routes = api.careNetwork;
  serve(app, routes.read, (req) => readCareNetwork(requestContext(req), req.params.id));
  serve(app, routes.add, (req) => addToCareNetwork(requestContext(req), req.params.id, req.body));
  serve(app, routes.patch, (req) =>
    changeCareNetworkMember(requestContext(req), req.params.id, req.params.memberId, req.body),
  );
  serve(app, routes.remove, (req) =>
    removeFromCareNetwork(requestContext(req), req.params.id, req.params.memberId),
  );
}
