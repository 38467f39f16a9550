import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { serve } from '../http/serve.ts';
import { startCitizenActivation } from './citizen-activation.ts';
import { finishCitizenLogin, loginOptions, startCitizenLogin } from './citizen-oidc.ts';

/**
 * The parent portal's log-in through the citizen identity provider. The options answer always; the flow's
 * paths answer 404 like any unknown path while NESTWERK_CITIZEN_OIDC_* is not configured.
 */
export async function citizenOidcRoutes(app: FastifyInstance): Promise<void> {
  const configured = () => {
    const citizen = app.config.citizenOidc;
    if (!citizen) throw new HttpError('not_found', 'No such endpoint.');
    return citizen;
  };

  serve(app, api.portalCitizen.loginOptions, async () => loginOptions(app));
  serve(app, api.portalCitizen.citizenStart, async (request, reply) =>
    startCitizenLogin(app, configured(), request, reply),
  );
  serve(app, api.portalCitizen.citizenActivate, async (request, reply) =>
    startCitizenActivation(app, configured(), request, reply, request.body),
  );
  serve(app, api.portalCitizen.citizenCallback, async (request, reply) =>
    finishCitizenLogin(app, configured(), request, reply),
  );
}
