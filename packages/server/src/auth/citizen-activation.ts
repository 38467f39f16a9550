import { randomBytes } from 'node:crypto';
import type { CitizenLoginError } from '@nestwerk/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuid } from 'uuid';
import type { CitizenOidcConfig } from '../config.ts';
import { nationalIdSystemOf } from '../domain/national-id.ts';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import { invitedPerson } from '../repositories/citizen-parents.ts';
import {
  deleteParentSessions,
  findInvitationByHash,
  findParentByEmail,
  findParentByPerson,
  insertParentAccount,
  type PortalInvitationRow,
  useInvitation,
} from '../repositories/portal.ts';
import type { CitizenFlow } from './citizen-oidc-flow.ts';
import { authorizationUrl, METHOD, regionOf } from './citizen-provider.ts';
import { invitationCodeHash } from './invitation-code.ts';
import { normaliseEmail } from './login.ts';
import { clearAccountFailures, countLoginStart } from './login-throttle.ts';
import { auditParent, type ParentActor } from './parent-audit.ts';
import { actorOf, codeKey, countFailure, guard } from './parent-login-steps.ts';
import { hashPassword } from './password.ts';

/**
 * Activation through the citizen identity provider: the invitation letter's code redeemed by the provider's word
 * (the invited caregiver's own BSN or INSZ) instead of a password. See citizen-oidc.ts for the rule.
 */

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
  await countLoginStart(app.db, app.config, request.ip, app.clock());
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
  let redirectUrl: string;
  try {
    redirectUrl = await authorizationUrl(app, citizen, reply, { invitationId: invitation.id, email });
  } catch {
    // The provider cannot be reached now; the letter still works with a password.
    await auditParent(app.db, {
      action: 'portal.citizen.start',
      outcome: 'failure',
      parent: null,
      clientIp: request.ip,
      details: { method: METHOD, mode: 'activation', reason: 'provider_unreachable' },
    });
    throw new HttpError(
      'unprocessable',
      'The identity provider cannot be reached now; try again later, or choose a password.',
      'code',
    ).because('citizen_unavailable');
  }
  await auditParent(app.db, {
    action: 'portal.citizen.start',
    outcome: 'success',
    parent: null,
    clientIp: request.ip,
    details: { method: METHOD, mode: 'activation', invitationId: invitation.id },
  });
  return { redirectUrl };
}

export type Activation =
  | { parentId: string }
  | { error: CitizenLoginError; reason: string; actor: ParentActor | null };

/**
 * The letter redeemed by the provider's word instead of a password: still open, still allowed, and the number
 * is the invited caregiver's own. The account gets no password anybody knows (a random one, hashed) and no
 * authenticator: the provider is where this parent's second factor lives.
 */
export async function activate(
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
