import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import {
  deleteParentSessions,
  findInvitationByHash,
  findParentByEmail,
  findParentById,
  findParentByPerson,
  insertParentAccount,
  type ParentAccountRow,
  useInvitation,
} from '../repositories/portal.ts';
import { invitationCodeHash } from './invitation-code.ts';
import { normaliseEmail } from './login.ts';
import { clearAccountFailures } from './login-throttle.ts';
import { auditParent } from './parent-audit.ts';
import { actorOf, codeKey, countFailure, emailKey, guard, startParentSession } from './parent-login-steps.ts';
import type { NewParentSession } from './parent-session.ts';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';

const totpSubject = (parentId: string) => `parent:${parentId}`;
const totpContext = (parentId: string) => `parent-totp:${parentId}`;

const INVALID_LOGIN = 'Invalid e-mail or password.';

export type ParentEnrol = { session: NewParentSession; secret: string; otpauthUrl: string };

async function beginEnrolment(
  app: FastifyInstance,
  request: FastifyRequest,
  parent: ParentAccountRow,
): Promise<ParentEnrol> {
  const secret = newTotpSecret();
  await app.db
    .updateTable('parent_accounts')
    .set({ totp_secret: app.secrets.seal(secret, totpContext(parent.id)), totp_enrolled_at: null })
    .where('id', '=', parent.id)
    .execute();
  const session = await startParentSession(app, request, parent, 'enrol_pending', {});
  return { session, secret, otpauthUrl: otpauthUrl(secret, parent.email) };
}

function refused(reason: string): HttpError {
  return new HttpError(
    'unprocessable',
    'This invitation cannot give access to the portal; please contact your nurse.',
    'code',
    { reason },
  ).because('access_refused', { reason });
}

/**
 * `POST /api/portal/invitations/redeem`: the code from the letter, once. Creates the parent's account (or, for a
 * parent who already has one — a new letter after a lost phone — sets a new password and authenticator).
 * Throttled per address and per code with the log-in mechanism; every attempt is audited.
 */
export async function redeemInvitation(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { code: string; email: string; password: string },
): Promise<ParentEnrol> {
  return beginEnrolment(app, request, await claimInvitation(app, request, input));
}

/**
 * The code checked and used, the account made or renewed. `password: null` is activation with a passkey: the
 * stored hash is of a random secret nobody knows (`password_set` 0). A renewal (new letter, lost phone) also
 * drops the old passkeys, which may be on the lost phone.
 */
export async function claimInvitation(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { code: string; email: string; password: string | null },
): Promise<ParentAccountRow> {
  const codeHash = invitationCodeHash(input.code);
  await guard(app, request, codeKey(codeHash));
  const now = app.clock();
  const at = now.toISOString();
  const invitation = await findInvitationByHash(app.db, codeHash);
  if (
    !invitation ||
    invitation.used_at !== null ||
    invitation.revoked_at !== null ||
    invitation.expires_at <= at
  ) {
    const reason = !invitation
      ? 'unknown'
      : invitation.used_at !== null
        ? 'used'
        : invitation.revoked_at !== null
          ? 'revoked'
          : 'expired';
    await countFailure(app, request, codeKey(codeHash), 'portal.invitation.redeem', null, reason);
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
      details: { reason: block, invitationId: invitation.id, personId: invitation.person_id },
    });
    throw refused(block);
  }
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new HttpError('invalid_input', 'This is not an e-mail address.', 'email').because('invalid_email');
  const person = await app.db
    .selectFrom('persons')
    .select(['given_name', 'family_name'])
    .where('id', '=', invitation.person_id)
    .executeTakeFirstOrThrow();
  const policy =
    input.password === null
      ? ({ ok: true } as const)
      : checkPasswordPolicy(input.password, { email, name: `${person.given_name} ${person.family_name}` });
  if (!policy.ok)
    throw new HttpError('invalid_input', policy.message, 'password', { reason: policy.reason }).because(
      'weak_password',
      { reason: policy.reason },
    );
  const existing = await findParentByPerson(app.db, invitation.person_id);
  const sameEmail = await findParentByEmail(app.db, email);
  if (sameEmail && sameEmail.id !== existing?.id)
    throw new HttpError(
      'conflict',
      'This e-mail address is already used for the portal; choose another.',
      'email',
    ).because('email_taken');
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
  const passwordSet = input.password === null ? 0 : 1;
  const parentId = existing?.id ?? uuid();
  await app.db.transaction().execute(async (trx) => {
    if (!(await useInvitation(trx, invitation.id, at)))
      throw new HttpError('unprocessable', 'This code was just used.', 'code').because('invitation_invalid');
    if (existing) {
      await trx
        .updateTable('parent_accounts')
        .set({
          email,
          password_hash: passwordHash,
          password_set: passwordSet,
          totp_secret: null,
          totp_enrolled_at: null,
        })
        .where('id', '=', existing.id)
        .execute();
      await trx.deleteFrom('parent_passkeys').where('parent_account_id', '=', existing.id).execute();
      await deleteParentSessions(trx, existing.id);
    } else
      await insertParentAccount(trx, {
        id: parentId,
        person_id: invitation.person_id,
        family_id: invitation.family_id,
        email,
        password_hash: passwordHash,
        totp_secret: null,
        totp_enrolled_at: null,
        is_demo: 0,
        suspended_at: null,
        suspended_reason: null,
        suspended_by: null,
        created_at: at,
        version: 1,
        password_set: passwordSet,
      });
  });
  const actor = await actorOf(app, parentId);
  await clearAccountFailures(app.db, codeKey(codeHash));
  await auditParent(app.db, {
    action: 'portal.invitation.redeem',
    outcome: 'success',
    parent: actor,
    clientIp: request.ip,
    details: {
      invitationId: invitation.id,
      renewed: existing !== undefined,
      method: input.password === null ? 'passkey' : 'password',
    },
  });
  const parent = await findParentById(app.db, parentId);
  if (!parent) throw new Error('parent account vanished');
  return parent;
}

export type ParentLogin =
  | { kind: 'full'; session: NewParentSession; parentId: string }
  | { kind: 'totp' }
  | ({ kind: 'enrol' } & ParentEnrol);

/** `POST /api/portal/session`: password and authenticator code in one request; demo parents need no code. */
export async function logInParent(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { email: string; password: string; totp?: string | undefined },
): Promise<ParentLogin> {
  const email = normaliseEmail(input.email);
  await guard(app, request, emailKey(email));
  const parent = await findParentByEmail(app.db, email);
  const passwordOk = parent
    ? await verifyPassword(parent.password_hash, input.password)
    : await verifyAgainstDummy(input.password);
  const actor = parent ? await actorOf(app, parent.id) : null;
  if (!parent || !passwordOk) {
    await countFailure(
      app,
      request,
      emailKey(email),
      'portal.login.failed',
      actor,
      parent ? 'wrong_password' : 'unknown_user',
    );
    throw new HttpError('unauthenticated', INVALID_LOGIN);
  }
  const block =
    parent.suspended_at !== null
      ? 'suspended'
      : await portalBlock(app.db, parent.person_id, parent.family_id);
  if (block) {
    await auditParent(app.db, {
      action: 'portal.login.failed',
      outcome: 'denied',
      parent: actor,
      clientIp: request.ip,
      details: { reason: block },
    });
    throw new HttpError(
      'forbidden',
      'Your access to the portal has ended; please contact your nurse.',
      undefined,
      {
        reason: block,
      },
    );
  }
  if (Number(parent.is_demo) === 1)
    return {
      kind: 'full',
      session: await startParentSession(app, request, parent, 'full', {
        method: 'password',
        secondFactor: null,
      }),
      parentId: parent.id,
    };
  if (parent.totp_enrolled_at === null || parent.totp_secret === null)
    return { kind: 'enrol', ...(await beginEnrolment(app, request, parent)) };
  if (input.totp === undefined || input.totp === '') return { kind: 'totp' };
  if (!(await checkTotp(app, parent, input.totp))) {
    await countFailure(app, request, emailKey(email), 'portal.login.failed', actor, 'totp_invalid');
    throw new HttpError(
      'mfa_required',
      'The code is not valid; enter the current code from your app.',
      'totp',
    ).because('totp_invalid');
  }
  return {
    kind: 'full',
    session: await startParentSession(app, request, parent, 'full', {
      method: 'password',
      secondFactor: 'totp',
    }),
    parentId: parent.id,
  };
}

async function checkTotp(app: FastifyInstance, parent: ParentAccountRow, code: string): Promise<boolean> {
  if (parent.totp_secret === null) return false;
  let secret: string;
  try {
    secret = app.secrets.open(parent.totp_secret, totpContext(parent.id));
  } catch {
    return false;
  }
  return verifyTotp(app.db, { userId: totpSubject(parent.id), secret, code, now: app.clock() });
}

/** `POST /api/portal/session/totp`: the first code proves the app works; the session becomes full. */
export async function completeParentEnrolment(
  app: FastifyInstance,
  request: FastifyRequest,
  code: string,
): Promise<{ session: NewParentSession; parentId: string }> {
  const pending = request.parentSession;
  if (pending?.stage !== 'enrol_pending')
    throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
  const parent = await findParentById(app.db, pending.parentId);
  if (!parent) throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
  const email = normaliseEmail(parent.email);
  await guard(app, request, emailKey(email));
  if (!(await checkTotp(app, parent, code))) {
    await countFailure(
      app,
      request,
      emailKey(email),
      'portal.login.failed',
      await actorOf(app, parent.id),
      'totp_invalid',
    );
    throw new HttpError(
      'mfa_required',
      'The code is not valid; enter the current code from your app.',
      'code',
    ).because('totp_invalid');
  }
  await app.db
    .updateTable('parent_accounts')
    .set({ totp_enrolled_at: app.clock().toISOString() })
    .where('id', '=', parent.id)
    .execute();
  const session = await startParentSession(app, request, parent, 'full', {
    method: 'password',
    secondFactor: 'totp_enrolled',
  });
  return { session, parentId: parent.id };
}

/** Everything of one parent's session the portal shows about the parent. */
export async function presentPortalParent(app: FastifyInstance, parentId: string) {
  const row = await app.db
    .selectFrom('parent_accounts as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.person_id',
      'a.email',
      'a.is_demo',
      'p.given_name',
      'p.family_name',
      'p.caregiver_role',
    ])
    .where('a.id', '=', parentId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    personId: row.person_id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    role: row.caregiver_role,
    isDemo: Number(row.is_demo) === 1,
  };
}
