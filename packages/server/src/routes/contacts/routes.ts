import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { readContact, recordContact, reviseContact } from './commands.ts';

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.contacts.record, (req) => recordContact(requestContext(req), req.params.id, req.body));
  serve(app, api.contacts.read, (req) => readContact(requestContext(req), req.params.id));
  serve(app, api.contacts.revise, (req) => reviseContact(requestContext(req), req.params.id, req.body));
}
