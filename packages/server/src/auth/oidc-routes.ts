import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { serve } from '../http/serve.ts';
import { finishOidc, startOidc } from './oidc.ts';

/** Present only when NESTWERK_OIDC_* is configured; otherwise both paths answer 404 like any unknown path. */
export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const providers = app.config.oidc;
  const configured = () => {
    if (providers.length === 0) throw new HttpError('not_found', 'No such endpoint.');
    return providers;
  };
  /** With one provider `provider` may be left out (the single-provider variables); with several it is required. */
  const choose = (id: string | undefined) => {
    const all = configured();
    const chosen = id === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((p) => p.id === id);
    if (!chosen) throw new HttpError('not_found', 'No such identity provider.', 'provider');
    return chosen;
  };

  serve(app, api.session.oidcStart, async (request, reply) =>
    startOidc(app, choose(request.query.provider), reply),
  );
  serve(app, api.session.oidcCallback, async (request, reply) =>
    finishOidc(app, configured(), request, reply),
  );
}
