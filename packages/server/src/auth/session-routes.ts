import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../http/principal.ts';
import { serve } from '../http/serve.ts';
import { auditAuth } from './auth-audit.ts';
import { completeSecondFactor, logIn } from './login.ts';
import { changePassword, regenerateRecoveryCodes } from './password-change.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { deleteSession, type NewSession } from './session-store.ts';
import { presentUser } from './user-presenter.ts';

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  async function loggedIn(result: { session: NewSession; userId: string }) {
    return { user: await presentUser(app.db, result.userId), csrfToken: result.session.csrfToken };
  }

  serve(app, api.session.logIn, async (request, reply) => {
    const result = await logIn(app, request, request.body);
    setSessionCookie(reply, app.config, result.session.token);
    if (result.kind === 'mfa_required')
      return reply.code(401).send({
        error: 'mfa_required',
        field: 'totp',
        message: 'Enter the code from your authenticator app.',
        csrfToken: result.session.csrfToken,
      });
    if (result.kind === 'enrol')
      return {
        stage: 'enrol' as const,
        otpauthUrl: result.otpauthUrl,
        secret: result.secret,
        csrfToken: result.session.csrfToken,
      };
    return loggedIn(result);
  });

  serve(app, api.session.secondFactor, async (request, reply) => {
    const result = await completeSecondFactor(app, request, request.body.code);
    setSessionCookie(reply, app.config, result.session.token);
    const session = await loggedIn(result);
    return result.recoveryCodes ? { ...session, recoveryCodes: result.recoveryCodes } : session;
  });

  serve(app, api.session.recoveryCodes, async (request) => ({
    recoveryCodes: await regenerateRecoveryCodes(app, request, request.body),
  }));

  serve(app, api.session.current, async (request) => {
    const principal = requirePrincipal(request);
    return {
      user: await presentUser(app.db, principal.userId),
      csrfToken: request.session?.csrfToken ?? '',
    };
  });

  serve(app, api.session.logOut, async (request, reply) => {
    const session = request.session;
    if (session)
      await app.db.transaction().execute(async (trx) => {
        await deleteSession(trx, session.idHash);
        await auditAuth(trx, {
          action: 'logout',
          outcome: 'success',
          user: {
            id: session.user.id,
            role: session.user.role,
            organisationId: session.user.organisationId,
          },
          clientIp: request.ip,
        });
      });
    clearSessionCookie(reply, app.config);
    return undefined;
  });

  serve(app, api.session.changePassword, async (request) => {
    await changePassword(app, request, request.body);
    return undefined;
  });
}
