import type { passkeyLoginCredential, passkeyRegistrationCredential } from '@nestwerk/contract';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuid } from 'uuid';
import type { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import { findParentById, type ParentAccountRow } from '../repositories/portal.ts';
import { normaliseEmail } from './login.ts';
import { assertIpAllowed, countLoginStart, lockedError, lockedUntil } from './login-throttle.ts';
import { auditParent } from './parent-audit.ts';
import { actorOf, countFailure, emailKey, guard, startParentSession } from './parent-login-steps.ts';
import { ownPasskeys, presentPasskey } from './parent-passkey-list.ts';
import type { NewParentSession } from './parent-session.ts';
import {
  loginOptions,
  type NewCredential,
  parseTransports,
  registrationOptions,
  relyingParty,
  verifyLogin,
  verifyRegistration,
} from './passkey-ceremony.ts';
import { type ChallengePurpose, storeChallenge, takeChallenge } from './passkey-challenges.ts';

/** Throttle key for answers naming a passkey nobody has: per credential id, apart from e-mail keys. */
const credentialKey = (credentialId: string) => `parent-passkey:${credentialId.slice(0, 64)}`;

type RegistrationCredential = z.output<typeof passkeyRegistrationCredential>;
type LoginCredential = z.output<typeof passkeyLoginCredential>;

function challengeInvalid(reason: string): HttpError {
  return new HttpError(
    'unprocessable',
    'This passkey request has expired or was already used; please try again.',
    'attemptId',
    { reason },
  ).because('challenge_invalid');
}

function passkeyInvalid(): HttpError {
  return new HttpError(
    'unprocessable',
    'The passkey could not be checked; please try again.',
    'credential',
  ).because('passkey_invalid');
}

/** A registration challenge for this parent, bound to the session that asked for it. */
export async function passkeyRegistrationChallenge(
  app: FastifyInstance,
  request: FastifyRequest,
  parentId: string,
  purpose: Exclude<ChallengePurpose, 'login'>,
  sessionHash: string,
) {
  const parent = await findParentById(app.db, parentId);
  if (!parent) throw new HttpError('unauthenticated', 'Please log in.');
  const person = await app.db
    .selectFrom('persons')
    .select(['given_name', 'family_name'])
    .where('id', '=', parent.person_id)
    .executeTakeFirstOrThrow();
  const existing = await ownPasskeys(app, parentId);
  const options = await registrationOptions(
    relyingParty(app.config, request),
    { id: parent.id, name: parent.email, displayName: `${person.given_name} ${person.family_name}` },
    existing.map((p) => ({ credentialId: p.credential_id, transports: parseTransports(p.transports) })),
  );
  const stored = await storeChallenge(app.db, {
    challenge: options.challenge,
    purpose,
    parentId,
    sessionHash,
    now: app.clock(),
  });
  return { attemptId: stored.attemptId, options };
}

/**
 * Verifies a new passkey against the challenge of this session and stores it. A failure is audited; it does
 * not count towards the log-in lockout, as the session already proved who this is.
 */
export async function registerPasskey(
  app: FastifyInstance,
  request: FastifyRequest,
  input: {
    parentId: string;
    purpose: Exclude<ChallengePurpose, 'login'>;
    sessionHash: string;
    attemptId: string;
    credential: RegistrationCredential;
    name?: string | undefined;
  },
) {
  const now = app.clock();
  const actor = await actorOf(app, input.parentId);
  const taken = await takeChallenge(app.db, {
    attemptId: input.attemptId,
    purpose: input.purpose,
    sessionHash: input.sessionHash,
    now,
  });
  const failed = async (reason: string) =>
    auditParent(app.db, {
      action: 'portal.passkey.add',
      outcome: 'failure',
      parent: actor,
      clientIp: request.ip,
      details: { reason, activation: input.purpose === 'activate' },
    });
  if (!taken.ok || taken.parentId !== input.parentId) {
    const reason = taken.ok ? 'mismatch' : taken.reason;
    await failed(`challenge_${reason}`);
    throw challengeInvalid(reason);
  }
  const made: NewCredential | null = await verifyRegistration(
    relyingParty(app.config, request),
    taken.challenge,
    input.credential,
  );
  if (!made) {
    await failed('not_verified');
    throw passkeyInvalid();
  }
  const row = {
    id: uuid(),
    parent_account_id: input.parentId,
    credential_id: made.credentialId,
    public_key: Buffer.from(made.publicKey).toString('base64url'),
    counter: made.counter,
    transports: JSON.stringify(made.transports),
    name: input.name ?? null,
    created_at: now.toISOString(),
    last_used_at: null,
  };
  const inserted = await app.db
    .insertInto('parent_passkeys')
    .values(row)
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    await failed('already_registered');
    throw new HttpError('conflict', 'This passkey is already in use.', 'credential').because('passkey_taken');
  }
  await auditParent(app.db, {
    action: 'portal.passkey.add',
    outcome: 'success',
    parent: actor,
    clientIp: request.ip,
    details: { passkeyId: row.id, activation: input.purpose === 'activate' },
  });
  return presentPasskey(row);
}

/** A log-in challenge: not bound to anyone yet, as the passkey itself tells who logs in. */
export async function passkeyLoginChallenge(app: FastifyInstance, request: FastifyRequest) {
  const now = app.clock();
  await assertIpAllowed(app.db, app.config, request.ip, now);
  await countLoginStart(app.db, app.config, request.ip, now);
  const options = await loginOptions(relyingParty(app.config, request));
  const stored = await storeChallenge(app.db, {
    challenge: options.challenge,
    purpose: 'login',
    parentId: null,
    sessionHash: null,
    now,
  });
  return { attemptId: stored.attemptId, options };
}

function loginRefused(reason: string, issue: 'passkey_invalid' | 'passkey_unknown' | 'challenge_invalid') {
  return new HttpError('unauthenticated', 'This passkey could not log you in.', 'credential', {
    reason,
  }).because(issue);
}

/**
 * `POST /api/portal/session/passkey`: the same rules as the password log-in — the per-address and per-account
 * throttle, suspension, parental authority and the safety-route flag — and every attempt audited.
 */
export async function logInWithPasskey(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { attemptId: string; credential: LoginCredential },
): Promise<{ session: NewParentSession; parentId: string }> {
  const now = app.clock();
  const unknownKey = credentialKey(input.credential.id);
  await guard(app, request, unknownKey);
  const taken = await takeChallenge(app.db, {
    attemptId: input.attemptId,
    purpose: 'login',
    sessionHash: null,
    now,
  });
  if (!taken.ok) {
    await countFailure(app, request, unknownKey, 'portal.login.failed', null, `challenge_${taken.reason}`);
    throw loginRefused(taken.reason, 'challenge_invalid');
  }
  const stored = await app.db
    .selectFrom('parent_passkeys')
    .selectAll()
    .where('credential_id', '=', input.credential.id)
    .executeTakeFirst();
  const parent = stored ? await findParentById(app.db, stored.parent_account_id) : undefined;
  if (!stored || !parent) {
    await countFailure(app, request, unknownKey, 'portal.login.failed', null, 'passkey_unknown');
    throw loginRefused('unknown', 'passkey_unknown');
  }
  const accountKey = emailKey(normaliseEmail(parent.email));
  const until = await lockedUntil(app.db, app.config, accountKey, now);
  if (until) throw lockedError(until);
  const actor = await actorOf(app, parent.id);
  const userHandle = input.credential.response.userHandle;
  const handleOk = userHandle === undefined || isoBase64URL.toUTF8String(userHandle) === parent.id;
  const newCounter = handleOk
    ? await verifyLogin(relyingParty(app.config, request), taken.challenge, input.credential, {
        id: stored.credential_id,
        publicKey: isoBase64URL.toBuffer(stored.public_key),
        counter: Number(stored.counter),
        transports: parseTransports(stored.transports),
      })
    : null;
  if (newCounter === null) {
    await countFailure(app, request, accountKey, 'portal.login.failed', actor, 'passkey_invalid');
    throw loginRefused('not_verified', 'passkey_invalid');
  }
  await refuseBlocked(app, request, parent, actor);
  await app.db
    .updateTable('parent_passkeys')
    .set({ counter: newCounter, last_used_at: now.toISOString() })
    .where('id', '=', stored.id)
    .execute();
  const session = await startParentSession(app, request, parent, 'full', {
    method: 'passkey',
    passkeyId: stored.id,
  });
  return { session, parentId: parent.id };
}

async function refuseBlocked(
  app: FastifyInstance,
  request: FastifyRequest,
  parent: ParentAccountRow,
  actor: Awaited<ReturnType<typeof actorOf>>,
): Promise<void> {
  const block =
    parent.suspended_at !== null
      ? 'suspended'
      : await portalBlock(app.db, parent.person_id, parent.family_id);
  if (!block) return;
  await auditParent(app.db, {
    action: 'portal.login.failed',
    outcome: 'denied',
    parent: actor,
    clientIp: request.ip,
    details: { reason: block, method: 'passkey' },
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

/** The passkeys of a full session, after activation with one: the pending session becomes full. */
export async function finishPasskeyActivation(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { attemptId: string; credential: RegistrationCredential; name?: string | undefined },
): Promise<{ session: NewParentSession; parentId: string }> {
  const pending = request.parentSession;
  if (pending?.stage !== 'enrol_pending')
    throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
  const parent = await findParentById(app.db, pending.parentId);
  if (!parent) throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
  const added = await registerPasskey(app, request, {
    parentId: parent.id,
    purpose: 'activate',
    sessionHash: pending.idHash,
    ...input,
  });
  const session = await startParentSession(app, request, parent, 'full', {
    method: 'passkey',
    passkeyId: added.id,
    secondFactor: 'passkey_enrolled',
  });
  return { session, parentId: parent.id };
}
