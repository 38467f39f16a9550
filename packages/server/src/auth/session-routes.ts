import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/principal.ts';
import { emptyBody } from '../http/validation.ts';
import { auditAuth } from './auth-audit.ts';
import { completeSecondFactor, logIn } from './login.ts';
import { changePassword } from './password-change.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import {
  enrolResponse,
  errorResponse,
  loginBody,
  passwordChangeBody,
  sessionResponse,
  totpBody,
} from './session-schemas.ts';
import { deleteSession, type NewSession } from './session-store.ts';
import { presentUser } from './user-presenter.ts';

const tags = ['session'];

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function loggedIn(result: { session: NewSession; userId: string }) {
    return { user: await presentUser(app.db, result.userId), csrfToken: result.session.csrfToken };
  }

  r.post(
    '/api/session',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Log in: password, then TOTP (or TOTP enrolment at the first log-in)',
        body: loginBody,
        response: { 200: z.union([sessionResponse, enrolResponse]), 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
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
    },
  );

  r.post(
    '/api/session/totp',
    {
      config: { auth: 'pending' },
      schema: {
        tags,
        summary: 'Second factor: finishes the log-in or the TOTP enrolment',
        body: totpBody,
        response: { 200: sessionResponse, 401: errorResponse },
      },
    },
    async (request, reply) => {
      const result = await completeSecondFactor(app, request, request.body.code);
      setSessionCookie(reply, app.config, result.session.token);
      return loggedIn(result);
    },
  );

  r.get(
    '/api/session',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'The logged-in user and the CSRF token', response: { 200: sessionResponse } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        user: await presentUser(app.db, principal.userId),
        csrfToken: request.session?.csrfToken ?? '',
      };
    },
  );

  r.delete(
    '/api/session',
    {
      config: { auth: 'optional' },
      schema: { tags, summary: 'Log out', body: emptyBody, response: { 204: z.undefined() } },
    },
    async (request, reply) => {
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
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/session/password',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Change the own password',
        body: passwordChangeBody,
        response: { 204: z.undefined(), 400: errorResponse },
      },
    },
    async (request, reply) => {
      await changePassword(app, request, request.body);
      return reply.code(204).send();
    },
  );
}
