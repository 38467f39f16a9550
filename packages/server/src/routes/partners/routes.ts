import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import {
  archivePartner,
  createPartner,
  findPartners,
  listPartnerKinds,
  patchPartner,
  readPartner,
} from './commands.ts';
import { importBody, partnerIn, partnerPatch, partnerQuery } from './schema.ts';
import { exportPartners, importPartners } from './transfer.ts';

/** A CSV of a few thousand partners is larger than an ordinary request; nothing else gets this much. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

export async function partnerRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['social map'];
  // Knowledge, not data: the kinds with labels and sources.
  app.get('/api/partner-kinds', { schema: { tags } }, async () => listPartnerKinds());
  app.get('/api/partners', { schema: { tags, querystring: partnerQuery } }, (req) =>
    findPartners(requestContext(req), req.query),
  );
  app.post('/api/partners', { schema: { tags, body: partnerIn } }, async (req, reply) =>
    reply.code(201).send(await createPartner(requestContext(req), req.body)),
  );
  app.get('/api/partners/export', { schema: { tags } }, async (req, reply) => {
    const csv = await exportPartners(requestContext(req));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sociale-kaart.csv"')
      .send(csv);
  });
  app.post(
    '/api/partners/import',
    { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, body: importBody } },
    (req) => importPartners(requestContext(req), req.body),
  );
  app.get('/api/partners/:id', { schema: { tags, params: idParams } }, (req) =>
    readPartner(requestContext(req), req.params.id),
  );
  app.patch('/api/partners/:id', { schema: { tags, params: idParams, body: partnerPatch } }, (req) =>
    patchPartner(requestContext(req), req.params.id, req.body),
  );
  app.delete('/api/partners/:id', { schema: { tags, params: idParams, body: emptyBody } }, (req) =>
    archivePartner(requestContext(req), req.params.id),
  );
}
