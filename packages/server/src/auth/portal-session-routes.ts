import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { requireParent } from '../http/principal.ts';
import { serve } from '../http/serve.ts';
import { auditParent } from './parent-audit.ts';
import { parentActor } from './parent-authenticate.ts';
import {
  completeParentEnrolment,
  logInParent,
  presentPortalParent,
  redeemInvitation,
} from './parent-login.ts';
import { clearParentCookie, deleteParentSession, setParentCookie } from './parent-session.ts';

/** The parent portal's log-in, enrolment and log-out; the session lives in the parent's own cookie. */
export async function portalSessionRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.portal.redeem, async (request, reply) => {
    const result = await redeemInvitation(app, request, request.body);
    setParentCookie(reply, app.config, result.session.token);
    return {
      stage: 'enrol' as const,
      otpauthUrl: result.otpauthUrl,
      secret: result.secret,
      csrfToken: result.session.csrfToken,
    };
  });

  serve(app, api.portal.logIn, async (request, reply) => {
    const result = await logInParent(app, request, request.body);
    if (result.kind === 'totp') return { stage: 'totp' as const };
    setParentCookie(reply, app.config, result.session.token);
    if (result.kind === 'enrol')
      return {
        stage: 'enrol' as const,
        otpauthUrl: result.otpauthUrl,
        secret: result.secret,
        csrfToken: result.session.csrfToken,
      };
    return {
      stage: 'full' as const,
      parent: await presentPortalParent(app, result.parentId),
      csrfToken: result.session.csrfToken,
    };
  });

  serve(app, api.portal.enrolTotp, async (request, reply) => {
    const result = await completeParentEnrolment(app, request, request.body.code);
    setParentCookie(reply, app.config, result.session.token);
    return {
      stage: 'full' as const,
      parent: await presentPortalParent(app, result.parentId),
      csrfToken: result.session.csrfToken,
    };
  });

  serve(app, api.portal.current, async (request) => {
    const parent = requireParent(request);
    return {
      stage: 'full' as const,
      parent: await presentPortalParent(app, parent.parentId),
      csrfToken: request.parentSession?.csrfToken ?? '',
    };
  });

  serve(app, api.portal.logOut, async (request, reply) => {
    const session = request.parentSession;
    if (session) {
      const row = await parentActor(app, session.parentId);
      await app.db.transaction().execute(async (trx) => {
        await deleteParentSession(trx, session.idHash);
        if (row)
          await auditParent(trx, {
            action: 'portal.logout',
            outcome: 'success',
            parent: {
              parentId: row.id,
              personId: row.person_id,
              familyId: row.family_id,
              organisationId: row.organisation_id,
            },
            clientIp: request.ip,
          });
      });
    }
    clearParentCookie(reply, app.config);
    return undefined;
  });
}
