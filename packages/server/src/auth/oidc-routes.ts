import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { serve } from '../http/serve.ts';
import { finishOidc, startOidc } from './oidc.ts';

/** Present only when NESTWERK_OIDC_* is configured; otherwise both paths answer 404 like any unknown path. */
export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const oidc = app.config.oidc;
  const configured = () => {
    if (!oidc) throw new HttpError('not_found', 'No such endpoint.');
    return oidc;
  };

  serve(app, api.session.oidcStart, async (_request, reply) => startOidc(app, configured(), reply));
  serve(app, api.session.oidcCallback, async (request, reply) =>
    finishOidc(app, configured(), request, reply),
  );
}
