import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { intakeFeedback, listIntake, moveIntake, planIntake, readIntake } from './commands.ts';
import { intakeFeedbackIn, intakePlanIn, intakeQuery, intakeStatusIn } from './schema.ts';

/**
 * The receiving partner's side (IMH team on Nestwerk). Addressed by the referral's opaque id only; the
 * answers carry the shared snapshot and the referral's progress, never the family file.
 */
export async function intakeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['intake'];
  app.get('/api/intake', { schema: { tags, querystring: intakeQuery } }, (req) =>
    listIntake(requestContext(req), req.query),
  );
  app.get('/api/intake/:id', { schema: { tags, params: idParams } }, (req) =>
    readIntake(requestContext(req), req.params.id),
  );
  app.post('/api/intake/:id/status', { schema: { tags, params: idParams, body: intakeStatusIn } }, (req) =>
    moveIntake(requestContext(req), req.params.id, req.body),
  );
  app.post('/api/intake/:id/plan', { schema: { tags, params: idParams, body: intakePlanIn } }, (req) =>
    planIntake(requestContext(req), req.params.id, req.body.intakeDate),
  );
  app.post(
    '/api/intake/:id/feedback',
    { schema: { tags, params: idParams, body: intakeFeedbackIn } },
    async (req, reply) =>
      reply.code(201).send(await intakeFeedback(requestContext(req), req.params.id, req.body.text)),
  );
}
