import type { FastifyInstance, FastifyReply } from 'fastify';
import * as client from 'openid-client';
import type { CitizenOidcConfig } from '../config.ts';
import { HttpError } from '../http/errors.ts';
import { createFlow } from './citizen-oidc-flow.ts';
import { configuration } from './oidc.ts';

/** What the citizen log-in's start, activation and callback share: the provider, its region, the redirect. */
/** Not a slug, so it can never collide with a professional provider's id in the discovery cache. */
export const PROVIDER_KEY = 'citizen:portal';
export const METHOD = 'citizen_oidc';

export type Mode = 'login' | 'activation';

export function provider(citizen: CitizenOidcConfig) {
  return {
    id: PROVIDER_KEY,
    issuer: citizen.issuer,
    clientId: citizen.clientId,
    clientSecret: citizen.clientSecret,
  };
}

/** The provider's organisation's region decides the number (BSN or INSZ) and the button (DigiD or itsme). */
export async function regionOf(app: FastifyInstance, citizen: CitizenOidcConfig): Promise<'nl' | 'be'> {
  const org = await app.db
    .selectFrom('organisations')
    .select('region')
    .where('id', '=', citizen.organisationId)
    .executeTakeFirst();
  if (!org) {
    // A configuration the environment check cannot catch (it has no database): the provider is then offered to
    // nobody, and the operator reads why in the log.
    app.log.error('NESTWERK_CITIZEN_OIDC_ORGANISATION names no organisation in the database');
    throw new HttpError('not_found', 'No such endpoint.');
  }
  return org.region;
}

/** Builds the provider's authorization URL and leaves the flow in the database and the browser's cookie. */
export async function authorizationUrl(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  reply: FastifyReply,
  activation: { invitationId: string; email: string } | null,
): Promise<string> {
  const config = await configuration(app, provider(citizen));
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  await createFlow(app.db, app.secrets, reply, app.config, {
    state,
    nonce,
    verifier,
    invitationId: activation?.invitationId ?? null,
    email: activation?.email ?? null,
    now: app.clock(),
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: citizen.redirectUrl,
    scope: citizen.scope,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).href;
}
