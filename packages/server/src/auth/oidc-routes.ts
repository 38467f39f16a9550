import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { finishOidc, startOidc } from './oidc.ts';

const tags = ['session'];

/** Present only when NESTWERK_OIDC_* is configured; otherwise both paths answer 404 like any unknown path. */
export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = app.config.oidc;
  const configured = () => {
    if (!oidc) throw new HttpError('not_found', 'No such endpoint.');
    return oidc;
  };

  r.get(
    '/api/auth/oidc/start',
    {
      config: { auth: 'none' },
      schema: { tags, summary: "Log in with the organisation's identity provider" },
    },
    async (_request, reply) => startOidc(app, configured(), reply),
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Where the identity provider sends the browser back',
        // Bounded, and read from the raw URL by the OpenID library; only its size is checked here.
        querystring: z.record(z.string().max(64), z.string().max(4096)),
      },
    },
    async (request, reply) => finishOidc(app, configured(), request, reply),
  );
}
