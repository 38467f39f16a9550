import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { requireParent } from '../http/principal.ts';
import { serve } from '../http/serve.ts';
import { claimInvitation, presentPortalParent } from './parent-login.ts';
import { startParentSession } from './parent-login-steps.ts';
import { listPasskeys, removePasskey, renamePasskey } from './parent-passkey-list.ts';
import {
  finishPasskeyActivation,
  logInWithPasskey,
  passkeyLoginChallenge,
  passkeyRegistrationChallenge,
  registerPasskey,
} from './parent-passkeys.ts';
import { setParentCookie } from './parent-session.ts';

/** The parent portal's passkeys: activation with one, log-in with one, and the parent's own list. */
export async function portalPasskeyRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.portal.redeemWithPasskey, async (request, reply) => {
    const parent = await claimInvitation(app, request, { ...request.body, password: null });
    const session = await startParentSession(app, request, parent, 'enrol_pending', {});
    setParentCookie(reply, app.config, session.token);
    const challenge = await passkeyRegistrationChallenge(app, request, parent.id, 'activate', session.idHash);
    return { stage: 'passkey' as const, ...challenge, csrfToken: session.csrfToken };
  });

  serve(app, api.portal.pendingPasskeyOptions, async (request) => {
    const pending = request.parentSession;
    if (pending?.stage !== 'enrol_pending')
      throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
    return passkeyRegistrationChallenge(app, request, pending.parentId, 'activate', pending.idHash);
  });

  serve(app, api.portal.finishPasskeyActivation, async (request, reply) => {
    const result = await finishPasskeyActivation(app, request, request.body);
    setParentCookie(reply, app.config, result.session.token);
    return {
      stage: 'full' as const,
      parent: await presentPortalParent(app, result.parentId),
      csrfToken: result.session.csrfToken,
    };
  });

  serve(app, api.portal.passkeyLoginOptions, async (request) => passkeyLoginChallenge(app, request));

  serve(app, api.portal.logInWithPasskey, async (request, reply) => {
    const result = await logInWithPasskey(app, request, request.body);
    setParentCookie(reply, app.config, result.session.token);
    return {
      stage: 'full' as const,
      parent: await presentPortalParent(app, result.parentId),
      csrfToken: result.session.csrfToken,
    };
  });

  serve(app, api.portal.passkeys, async (request) => listPasskeys(app, requireParent(request).parentId));

  serve(app, api.portal.passkeyOptions, async (request) => {
    const parent = requireParent(request);
    return passkeyRegistrationChallenge(app, request, parent.parentId, 'register', parent.sessionIdHash);
  });

  serve(app, api.portal.addPasskey, async (request) => {
    const parent = requireParent(request);
    const added = await registerPasskey(app, request, {
      parentId: parent.parentId,
      purpose: 'register',
      sessionHash: parent.sessionIdHash,
      ...request.body,
    });
    return added;
  });

  serve(app, api.portal.renamePasskey, async (request) =>
    renamePasskey(app, request, {
      parentId: requireParent(request).parentId,
      passkeyId: request.params.id,
      name: request.body.name,
    }),
  );

  serve(app, api.portal.removePasskey, async (request) => {
    const parent = requireParent(request);
    await removePasskey(app, request, {
      parentId: parent.parentId,
      sessionHash: parent.sessionIdHash,
      passkeyId: request.params.id,
    });
    return undefined;
  });
}
