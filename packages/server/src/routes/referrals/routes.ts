import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import {
  moveAsReferrer,
  readReferral,
  recordFeedback,
  withdrawReferralConsent,
} from '../../domain/referral-progress.ts';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { createReferral, patchReferral } from './draft.ts';
import { LETTER_CSS, referralLetter } from './letter.ts';
import { referralOptions } from './options.ts';
import { familyReferrals, previewReferral } from './read.ts';
import { remindReceiver } from './remind.ts';
import { confirmNoConsent, sendReferral } from './send.ts';

/** The referrer's side of a referral: from a recommendation to a sent, followed-up referral. */
export async function referralRoutes(app: FastifyInstance): Promise<void> {
  const routes = api.referrals;
  serve(app, routes.options, (req) => referralOptions(requestContext(req), req.params.id, req.query));
  serve(app, routes.ofFamily, (req) => familyReferrals(requestContext(req), req.params.id));
  serve(app, routes.create, (req) => createReferral(requestContext(req), req.params.id, req.body));
  serve(app, routes.letterCss, (_req, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(LETTER_CSS),
  );
  serve(app, routes.read, (req) => readReferral(requestContext(req), req.params.id));
  serve(app, routes.patch, (req) => patchReferral(requestContext(req), req.params.id, req.body));
  serve(app, routes.preview, (req) => previewReferral(requestContext(req), req.params.id, req.query));
  serve(app, routes.confirm, (req) => confirmNoConsent(requestContext(req), req.params.id, req.body));
  serve(app, routes.send, (req) => sendReferral(requestContext(req), req.params.id, req.body));
  serve(app, routes.status, (req) => moveAsReferrer(requestContext(req), req.params.id, req.body));
  serve(app, routes.feedback, (req) => recordFeedback(requestContext(req), req.params.id, req.body));
  serve(app, routes.remind, (req) => remindReceiver(requestContext(req), req.params.id));
  serve(app, routes.withdrawConsent, (req) => withdrawReferralConsent(requestContext(req), req.params.id));
  serve(app, routes.letter, async (req, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(await referralLetter(requestContext(req), req.params.id)),
  );
}
