import { randomBytes } from 'node:crypto';
import {
  type CitizenLoginError,
  isValidNationalId,
  nationalIdDigits,
  type PortalLoginOptions,
} from '@nestwerk/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { v7 as uuid } from 'uuid';
import type { CitizenOidcConfig } from '../config.ts';
import { nationalIdKey, nationalIdSystemOf } from '../domain/national-id.ts';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import { findCitizenParents, invitedPerson } from '../repositories/citizen-parents.ts';
import {
  deleteParentSessions,
  findInvitationByHash,
  findParentByEmail,
  findParentById,
  findParentByPerson,
  insertParentAccount,
  type PortalInvitationRow,
  useInvitation,
} from '../repositories/portal.ts';
import { type CitizenFlow, createFlow, takeFlow } from './citizen-oidc-flow.ts';
import { invitationCodeHash } from './invitation-code.ts';
import { normaliseEmail } from './login.ts';
import { clearAccountFailures } from './login-throttle.ts';
import { configuration } from './oidc.ts';
import { auditParent, type ParentActor } from './parent-audit.ts';
import { actorOf, codeKey, countFailure, guard, startParentSession } from './parent-login.ts';
import { setParentCookie } from './parent-session.ts';
import { hashPassword } from './password.ts';

/**
 * Parent log-in through the organisation's citizen identity provider (DigiD, itsme), OpenID Connect with PKCE,
 * state and nonce. The rule (docs/decisions.md, "Citizen log-in"): the provider's BSN or INSZ opens the portal
 * only for a caregiver of the provider's organisation whose file carries that same number AND who was invited —
 * either an activation that redeems the letter's code in the same go, or an existing parent account. A number
 * alone never opens a family: the professional's invitation stays the gate, the provider replaces the password
 * and authenticator app. The number is checked and turned into its keyed digest at once; it is never stored,
 * logged or audited.
 */

/** Not a slug, so it can never collide with a professional provider's id in the discovery cache. */
const PROVIDER_KEY = 'citizen:portal';
const METHOD = 'citizen_oidc';

type Mode = 'login' | 'activation';

function provider(citizen: CitizenOidcConfig) {
  return {
    id: PROVIDER_KEY,
    issuer: citizen.issuer,
    clientId: citizen.clientId,
    clientSecret: citizen.clientSecret,
  };
}

/** The provider's organisation's region decides the number (BSN or INSZ) and the button (DigiD or itsme). */
async function regionOf(app: FastifyInstance, citizen: CitizenOidcConfig): Promise<'nl' | 'be'> {
  const org = await app.db
    .selectFrom('organisations')
    .select('region')
    .where('id', '=', citizen.organisationId)
    .executeTakeFirst();
  if (!org) throw new Error('NESTWERK_CITIZEN_OIDC_ORGANISATION names no organisation in the database');
  return org.region;
}

export async function loginOptions(app: FastifyInstance): Promise<PortalLoginOptions> {
  const citizen = app.config.citizenOidc;
  if (!citizen) return { citizen: null };
  const region = await regionOf(app, citizen);
  return { citizen: { provider: region === 'be' ? 'itsme' : 'digid' } };
}

/** Builds the provider's authorization URL and leaves the flow in the database and the browser's cookie. */
async function authorizationUrl(
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

/** `GET /api/portal/oidc/start`: an invited parent logs in again; straight to the provider. */
export async function startCitizenLogin(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const url = await authorizationUrl(app, citizen, reply, null);
  await auditParent(app.db, {
    action: 'portal.citizen.start',
    outcome: 'success',
    parent: null,
    clientIp: request.ip,
    details: { method: METHOD, mode: 'login' },
  });
  return reply.redirect(url, 302);
}

function invitationProblem(invitation: PortalInvitationRow | undefined, at: string): string | null {
  if (!invitation) return 'unknown';
  if (invitation.used_at !== null) return 'used';
  if (invitation.revoked_at !== null) return 'revoked';
  if (invitation.expires_at <= at) return 'expired';
  return null;
}

/**
 * `POST /api/portal/oidc/activation`: the letter's code is checked here, before the parent leaves for the
 * provider, with the same throttle and answers as redeeming it with a password; the code travels in the body,
 * never in a URL a log could keep. The invitation is redeemed only at the callback, when the provider's number
 * matches the invited caregiver's.
 */
export async function startCitizenActivation(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { code: string; email: string },
): Promise<{ redirectUrl: string }> {
  const codeHash = invitationCodeHash(input.code);
  await guard(app, request, codeKey(codeHash));
  const at = app.clock().toISOString();
  const invitation = await findInvitationByHash(app.db, codeHash);
  const problem = invitationProblem(invitation, at);
  if (!invitation || problem) {
    await countFailure(
      app,
      request,
      codeKey(codeHash),
      'portal.invitation.redeem',
      null,
      problem ?? 'unknown',
    );
    throw new HttpError(
      'unprocessable',
      'This code is not valid (mistyped, already used or expired). Check the letter, or ask your nurse for a new one.',
      'code',
    ).because('invitation_invalid');
  }
  const block = await portalBlock(app.db, invitation.person_id, invitation.family_id);
  if (block) {
    await auditParent(app.db, {
      action: 'portal.invitation.redeem',
      outcome: 'denied',
      parent: null,
      clientIp: request.ip,
      details: { method: METHOD, reason: block, invitationId: invitation.id, personId: invitation.person_id },
    });
    throw new HttpError(
      'unprocessable',
      'This invitation cannot give access to the portal; please contact your nurse.',
      'code',
      { reason: block },
    ).because('access_refused', { reason: block });
  }
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new HttpError('invalid_input', 'This is not an e-mail address.', 'email').because('invalid_email');
  const taken = await findParentByEmail(app.db, email);
  if (taken && taken.person_id !== invitation.person_id)
    throw new HttpError(
      'conflict',
      'This e-mail address is already used for the portal; choose another.',
      'email',
    ).because('email_taken');
  const region = await regionOf(app, citizen);
  const person = await invitedPerson(app.db, invitation.person_id);
  // Nothing to check the provider's number against (or the letter is another organisation's, whose families
  // this provider does not speak for): the parent activates with a password instead.
  if (
    !person ||
    person.organisation_id !== citizen.organisationId ||
    person.national_id_key === null ||
    person.national_id_system !== nationalIdSystemOf(region)
  ) {
    await auditParent(app.db, {
      action: 'portal.invitation.redeem',
      outcome: 'failure',
      parent: null,
      clientIp: request.ip,
      details: { method: METHOD, reason: 'no_national_id', invitationId: invitation.id },
    });
    throw new HttpError(
      'unprocessable',
      'This invitation cannot be activated with the identity provider; choose a password instead.',
      'code',
    ).because('citizen_unavailable');
  }
  const redirectUrl = await authorizationUrl(app, citizen, reply, { invitationId: invitation.id, email });
  await auditParent(app.db, {
    action: 'portal.citizen.start',
    outcome: 'success',
    parent: null,
    clientIp: request.ip,
    details: { method: METHOD, mode: 'activation', invitationId: invitation.id },
  });
  return { redirectUrl };
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
    // Only the kind of error: a library message may quote the provider's answer, which carries the number.
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'unknown';
    request.log.warn({ code }, 'Citizen identity provider callback rejected');
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

type Activation =
  | { parentId: string }
  | { error: CitizenLoginError; reason: string; actor: ParentActor | null };

/**
 * The letter redeemed by the provider's word instead of a password: still open, still allowed, and the number
 * is the invited caregiver's own. The account gets no password anybody knows (a random one, hashed) and no
 * authenticator: the provider is where this parent's second factor lives.
 */
async function activate(
  app: FastifyInstance,
  citizen: CitizenOidcConfig,
  request: FastifyRequest,
  flow: CitizenFlow,
  key: string,
  region: 'nl' | 'be',
): Promise<Activation> {
  const at = app.clock().toISOString();
  const invitation = await app.db
    .selectFrom('portal_invitations')
    .selectAll()
    .where('id', '=', flow.invitationId ?? '')
    .executeTakeFirst();
  const problem = invitationProblem(invitation, at);
  if (!invitation || problem)
    return { error: 'citizen_invitation', reason: problem ?? 'unknown', actor: null };
  const person = await invitedPerson(app.db, invitation.person_id);
  if (
    !person ||
    person.organisation_id !== citizen.organisationId ||
    person.national_id_system !== nationalIdSystemOf(region) ||
    person.national_id_key !== key
  ) {
    // Counted against the code like a wrong password: the letter's holder is not the person it was for.
    await countFailure(
      app,
      request,
      codeKey(invitation.code_hash),
      'portal.invitation.redeem',
      null,
      'national_id_mismatch',
    );
    return { error: 'citizen_mismatch', reason: 'national_id_mismatch', actor: null };
  }
  const block = await portalBlock(app.db, invitation.person_id, invitation.family_id);
  if (block) return { error: 'citizen_ended', reason: block, actor: null };
  const email = flow.email ?? '';
  const existing = await findParentByPerson(app.db, invitation.person_id);
  if (existing?.suspended_at) return { error: 'citizen_ended', reason: 'suspended', actor: null };
  const sameEmail = await findParentByEmail(app.db, email);
  if (sameEmail && sameEmail.id !== existing?.id)
    return { error: 'citizen_failed', reason: 'email_taken', actor: null };
  // Nobody knows it, so the password log-in can never succeed for this account.
  const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
  const parentId = existing?.id ?? uuid();
  const redeemed = await app.db.transaction().execute(async (trx) => {
    if (!(await useInvitation(trx, invitation.id, at))) return false;
    if (existing) {
      // A new letter replaces the old credentials, as redeeming it with a password does.
      await trx
        .updateTable('parent_accounts')
        .set({
          email,
          password_hash: unusablePassword,
          totp_secret: null,
          totp_enrolled_at: null,
          login_method: 'citizen',
        })
        .where('id', '=', existing.id)
        .execute();
      await deleteParentSessions(trx, existing.id);
    } else
      await insertParentAccount(trx, {
        id: parentId,
        person_id: invitation.person_id,
        family_id: invitation.family_id,
        email,
        password_hash: unusablePassword,
        totp_secret: null,
        totp_enrolled_at: null,
        is_demo: 0,
        suspended_at: null,
        suspended_reason: null,
        suspended_by: null,
        created_at: at,
        version: 1,
        login_method: 'citizen',
      });
    return true;
  });
  if (!redeemed) return { error: 'citizen_invitation', reason: 'used', actor: null };
  const actor = await actorOf(app, parentId);
  await clearAccountFailures(app.db, codeKey(invitation.code_hash));
  await auditParent(app.db, {
    action: 'portal.invitation.redeem',
    outcome: 'success',
    parent: actor,
    clientIp: request.ip,
    details: { method: METHOD, invitationId: invitation.id, renewed: existing !== undefined },
  });
  return { parentId };
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
