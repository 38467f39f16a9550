import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import {
  archivePartner,
  createPartner,
  findPartners,
  listPartnerKinds,
  patchPartner,
  readPartner,
} from './commands.ts';
import { exportPartners, importPartners } from './transfer.ts';

/** A CSV of a few thousand partners is larger than an ordinary request; nothing else gets this much. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

export async function partnerRoutes(app: FastifyInstance): Promise<void> {
  const routes = api.partners;
  // Routes of this plugin only: the import alone takes the larger body.
  app.addHook('onRoute', (options) => {
    if (options.url === routes.import.path && options.method === routes.import.method)
      options.bodyLimit = IMPORT_BODY_LIMIT;
  });
  serve(app, routes.kinds, () => listPartnerKinds());
  serve(app, routes.list, (req) => findPartners(requestContext(req), req.query));
  serve(app, routes.create, (req) => createPartner(requestContext(req), req.body));
  serve(app, routes.export, async (req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sociale-kaart.csv"')
      .send(await exportPartners(requestContext(req))),
  );
  serve(app, routes.import, (req) => importPartners(requestContext(req), req.body));
  serve(app, routes.read, (req) => readPartner(requestContext(req), req.params.id));
  serve(app, routes.patch, (req) => patchPartner(requestContext(req), req.params.id, req.body));
  serve(app, routes.archive, (req) => archivePartner(requestContext(req), req.params.id));
}
