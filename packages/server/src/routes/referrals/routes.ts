import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams } from '../shared/schemas.ts';
import { createReferral, patchReferral } from './draft.ts';
import { LETTER_CSS, LETTER_CSS_PATH, referralLetter } from './letter.ts';
import { referralOptions } from './options.ts';
import { moveAsReferrer, readReferral, recordFeedback, withdrawReferralConsent } from './progress.ts';
import { familyReferrals, previewReferral } from './read.ts';
import {
  optionsQuery,
  recordedFeedbackIn,
  referralIn,
  referralPatch,
  referrerStatusIn,
  sendIn,
  versionIn,
} from './schema.ts';
import { confirmNoConsent, sendReferral } from './send.ts';

/** The referrer's side of a referral: from a recommendation to a sent, followed-up referral. */
export async function referralRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  app.get(
    '/api/families/:id/referral-options',
    { schema: { tags, params: idParams, querystring: optionsQuery } },
    (req) => referralOptions(requestContext(req), req.params.id, req.query),
  );
  app.get('/api/families/:id/referrals', { schema: { tags, params: idParams } }, (req) =>
    familyReferrals(requestContext(req), req.params.id),
  );
  app.post(
    '/api/families/:id/referrals',
    { schema: { tags, params: idParams, body: referralIn } },
    async (req, reply) =>
      reply.code(201).send(await createReferral(requestContext(req), req.params.id, req.body)),
  );
  // Static before parametric: the stylesheet of the printable letter (no data, no session needed).
  app.get(LETTER_CSS_PATH, { config: { auth: 'none' }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(LETTER_CSS),
  );
  app.get('/api/referrals/:id', { schema: { tags, params: idParams } }, (req) =>
    readReferral(requestContext(req), req.params.id),
  );
  app.patch('/api/referrals/:id', { schema: { tags, params: idParams, body: referralPatch } }, (req) =>
    patchReferral(requestContext(req), req.params.id, req.body),
  );
  app.get('/api/referrals/:id/preview', { schema: { tags, params: idParams } }, (req) =>
    previewReferral(requestContext(req), req.params.id),
  );
  app.post('/api/referrals/:id/confirm', { schema: { tags, params: idParams, body: versionIn } }, (req) =>
    confirmNoConsent(requestContext(req), req.params.id, req.body),
  );
  app.post('/api/referrals/:id/send', { schema: { tags, params: idParams, body: sendIn } }, (req) =>
    sendReferral(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/api/referrals/:id/status',
    { schema: { tags, params: idParams, body: referrerStatusIn } },
    (req) => moveAsReferrer(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/api/referrals/:id/feedback',
    { schema: { tags, params: idParams, body: recordedFeedbackIn } },
    async (req, reply) =>
      reply.code(201).send(await recordFeedback(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/api/referrals/:id/withdraw-consent',
    { schema: { tags, params: idParams, body: emptyBody } },
    (req) => withdrawReferralConsent(requestContext(req), req.params.id),
  );
  app.get('/api/referrals/:id/letter', { schema: { tags, params: idParams } }, async (req, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(await referralLetter(requestContext(req), req.params.id)),
  );
}
