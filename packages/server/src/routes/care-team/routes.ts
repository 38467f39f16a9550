import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { addCareTeamMember, patchCareTeamMember, readCareTeam, removeCareTeamMember } from './commands.ts';
import { memberIn, memberParams, memberPatch } from './schema.ts';

export async function careTeamRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['care team'];
  app.get('/api/families/:id/care-team', { schema: { tags, params: idParams } }, (req) =>
    readCareTeam(requestContext(req), req.params.id),
  );
  app.post(
    '/api/families/:id/care-team',
    { schema: { tags, params: idParams, body: memberIn } },
    async (req, reply) =>
      reply.code(201).send(await addCareTeamMember(requestContext(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/families/:id/care-team/:memberId',
    { schema: { tags, params: memberParams, body: memberPatch } },
    (req) => patchCareTeamMember(requestContext(req), req.params.id, req.params.memberId, req.body),
  );
  app.delete(
    '/api/families/:id/care-team/:memberId',
    { schema: { tags, params: memberParams, body: emptyBody } },
    (req) => removeCareTeamMember(requestContext(req), req.params.id, req.params.memberId),
  );
}
