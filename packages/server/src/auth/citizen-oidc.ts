import {
  type CitizenLoginError,
  isValidNationalId,
  nationalIdDigits,
  type PortalLoginOptions,
} from '@nestwerk/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { CitizenOidcConfig } from '../config.ts';
import { nationalIdKey, nationalIdSystemOf } from '../domain/national-id.ts';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import { findCitizenParents } from '../repositories/citizen-parents.ts';
import { findParentById } from '../repositories/portal.ts';
import { activate } from './citizen-activation.ts';
import { type CitizenFlow, takeFlow } from './citizen-oidc-flow.ts';
import { authorizationUrl, METHOD, type Mode, provider, regionOf } from './citizen-provider.ts';
import { countLoginStart } from './login-throttle.ts';
import { configuration } from './oidc.ts';
import { auditParent, type ParentActor } from './parent-audit.ts';
import { actorOf, startParentSession } from './parent-login-steps.ts';
import { setParentCookie } from './parent-session.ts';

/**
 * Parent log-in through the organisation's citizen identity provider (DigiD, itsme), OpenID Connect with PKCE,
 * state and nonce. The rule (docs/decisions.md, "Citizen log-in"): the provider's BSN or INSZ opens the portal
 * only for a caregiver of the provider's organisation whose file carries that same number AND who was invited —
 * either an activation that redeems the letter's code in the same go, or an existing parent account. A number
 * alone never opens a family: the professional's invitation stays the gate, the provider replaces the password
 * and authenticator app. The number is checked and turned into its keyed digest at once; it is never stored,
 * logged or audited.
 */

export async function loginOptions(app: FastifyInstance): Promise<PortalLoginOptions> {
  const citizen = app.config.citizenOidc;
  if (!citizen) return { citizen: null };
  const region = await regionOf(app, citizen).catch(() => null);
  if (!region) return { citizen: null };
  return { citizen: { provider: region === 'be' ? 'itsme' : 'digid' } };
}

/** `GET /api/portal/oidc/start`: an invited parent logs in again; straight to the provider. */
export async function startCitizenLogin(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  await regionOf(app, citizen);
  try {
    await countLoginStart(app.db, app.config, request.ip, app.clock());
  } catch (err) {
    if (!(err instanceof HttpError && err.error === 'rate_limited')) throw err;
    await auditParent(app.db, {
      action: 'portal.citizen.start',
      outcome: 'failure',
      parent: null,
      clientIp: request.ip,
      details: { method: METHOD, mode: 'login', reason: 'rate_limited' },
    });
    return reply.redirect('/portaal/inloggen?error=citizen_busy', 302);
  }
  let url: string;
  try {
    url = await authorizationUrl(app, citizen, reply, null);
  } catch (err) {
    // The provider cannot be reached (discovery failed): the parent is a browser, so back to the page with a
    // message, not a JSON error.
    request.log.warn({ code: errorCode(err) }, 'Citizen identity provider unreachable');
    await auditParent(app.db, {
      action: 'portal.citizen.start',
      outcome: 'failure',
      parent: null,
      clientIp: request.ip,
      details: { method: METHOD, mode: 'login', reason: 'provider_unreachable' },
    });
    return reply.redirect('/portaal/inloggen?error=citizen_failed', 302);
  }
  await auditParent(app.db, {
    action: 'portal.citizen.start',
    outcome: 'success',
    parent: null,
    clientIp: request.ip,
    details: { method: METHOD, mode: 'login' },
  });
  return reply.redirect(url, 302);
}

/** Only the kind of error: a library message may quote the provider's answer, which carries the number. */
function errorCode(err: unknown): string {
  return err instanceof Error && 'code' in err ? String(err.code) : 'unknown';
}

function page(mode: Mode): string {
  return mode === 'activation' ? '/portaal/activeren' : '/portaal/inloggen';
}

/** The provider's answer as a checked number's digest, or why it cannot be used. */
async function numberFromProvider(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  flow: CitizenFlow,
  region: 'nl' | 'be',
): Promise<{ key: string } | { reason: string; error: CitizenLoginError }> {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  const params = new URLSearchParams(query);
  // The provider refused or the parent stopped there; the state still has to be ours to believe that.
  if (params.has('error') && params.get('state') === flow.state)
    return { reason: 'provider_error', error: 'citizen_cancelled' };
  let claims: client.IDToken | undefined;
  try {
    const config = await configuration(app, provider(citizen));
    // The URL the provider redirected to, rebuilt on the registered redirect URL (a proxy may rewrite the host).
    const tokens = await client.authorizationCodeGrant(config, new URL(query, citizen.redirectUrl), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    request.log.warn({ code: errorCode(err) }, 'Citizen identity provider callback rejected');
    return { reason: 'token_rejected', error: 'citizen_failed' };
  }
  const value = claims?.[citizen.idClaim];
  if (typeof value !== 'string') return { reason: 'no_national_id_claim', error: 'citizen_failed' };
  const digits = nationalIdDigits(value);
  if (!isValidNationalId(nationalIdSystemOf(region), digits))
    return { reason: 'invalid_national_id', error: 'citizen_failed' };
  return { key: nationalIdKey(app.secrets, digits) };
}

/**
 * `GET /api/portal/oidc/callback`: the flow is taken (once), the provider's code exchanged, the number checked
 * and matched; a full parent session starts, or the browser goes back to the page it came from with an error.
 */
export async function finishCitizenLogin(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const taken = await takeFlow(app.db, app.secrets, request, reply, app.config, app.clock());
  const flow = taken.flow;
  const mode: Mode = flow?.invitationId ? 'activation' : 'login';

  const fail = async (error: CitizenLoginError, reason: string, actor: ParentActor | null = null) => {
    await auditParent(app.db, {
      action: mode === 'activation' ? 'portal.invitation.redeem' : 'portal.login.failed',
      outcome: error === 'citizen_ended' ? 'denied' : 'failure',
      parent: actor,
      clientIp: request.ip,
      details: {
        method: METHOD,
        reason,
        ...(flow?.invitationId ? { invitationId: flow.invitationId } : {}),
      },
    });
    return reply.redirect(`${page(mode)}?error=${error}`, 302);
  };

  if (!flow) return fail(taken.problem === 'replayed' ? 'citizen_failed' : 'citizen_expired', taken.problem);
  const region = await regionOf(app, citizen);
  const number = await numberFromProvider(app, citizen, request, flow, region);
  if ('error' in number) return fail(number.error, number.reason);

  if (flow.invitationId !== null) {
    const result = await activate(app, citizen, request, flow, number.key, region);
    if ('error' in result) return fail(result.error, result.reason, result.actor);
    return loggedIn(app, request, reply, result.parentId, citizen);
  }

  const matches = await findCitizenParents(
    app.db,
    citizen.organisationId,
    nationalIdSystemOf(region),
    number.key,
  );
  // One person in two family files (or a number recorded twice): which family to open is not the provider's
  // to say, so neither opens; the parent uses the password log-in.
  if (matches.length !== 1) return fail('citizen_unknown', matches.length === 0 ? 'no_account' : 'ambiguous');
  const [match] = matches;
  if (!match) return fail('citizen_unknown', 'no_account');
  const actor = await actorOf(app, match.parentId);
  const block = match.suspended ? 'suspended' : await portalBlock(app.db, actor.personId, actor.familyId);
  if (block) return fail('citizen_ended', block, actor);
  return loggedIn(app, request, reply, match.parentId, citizen);
}

async function loggedIn(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  parentId: string,
  citizen: CitizenOidcConfig,
): Promise<FastifyReply> {
  const parent = await findParentById(app.db, parentId);
  if (!parent) throw new Error('parent account vanished');
  const session = await startParentSession(app, request, parent, 'full', {
    method: METHOD,
    issuer: citizen.issuer,
  });
  setParentCookie(reply, app.config, session.token);
  return reply.redirect('/portaal', 302);
}
