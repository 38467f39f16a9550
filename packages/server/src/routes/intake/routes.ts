import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { intakeFeedback, listIntake, moveIntake, planIntake, readIntake } from './commands.ts';

/**
 * The receiving partner's side (IMH team on Nestwerk). Addressed by the referral's opaque id only; the
 * answers carry the shared snapshot and the referral's progress, never the family file.
 */
export async function intakeRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.intake.list, (req) => listIntake(requestContext(req), req.query));
  serve(app, api.intake.read, (req) => readIntake(requestContext(req), req.params.id));
  serve(app, api.intake.status, (req) => moveIntake(requestContext(req), req.params.id, req.body));
  serve(app, api.intake.plan, (req) => planIntake(requestContext(req), req.params.id, req.body.intakeDate));
  serve(app, api.intake.feedback, (req) => intakeFeedback(requestContext(req), req.params.id, req.body.text));
}
