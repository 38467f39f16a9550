import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ParentAccountRow } from '../repositories/portal.ts';
import { normaliseEmail } from './login.ts';
import {
  assertIpAllowed,
  clearAccountFailures,
  lockedError,
  lockedUntil,
  recordFailure,
} from './login-throttle.ts';
import { auditParent, type ParentActor } from './parent-audit.ts';
import { parentActor } from './parent-authenticate.ts';
import { createParentSession, type NewParentSession, readParentCookie } from './parent-session.ts';
import { hashToken } from './session-token.ts';

/*
 * The steps every way a parent logs in shares (password, passkey, citizen provider): the throttle before,
 * the counted and audited failure, and the session start that clears the failures and audits the log-in.
 */

/** Throttle keys of the login mechanism, apart from professionals' (`parent:` and `portal-code:` prefixes). */
export const emailKey = (email: string) => `parent:${email}`;
export const codeKey = (codeHash: string) => `portal-code:${codeHash.slice(0, 32)}`;
export async function guard(app: FastifyInstance, request: FastifyRequest, key: string): Promise<void> {
  const now = app.clock();
  await assertIpAllowed(app.db, app.config, request.ip, now);
  const until = await lockedUntil(app.db, app.config, key, now);
  if (until) throw lockedError(until);
}

export async function countFailure(
  app: FastifyInstance,
  request: FastifyRequest,
  key: string,
  action: string,
  actor: ParentActor | null,
  reason: string,
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const locked = await recordFailure(trx, app.config, { email: key, ip: request.ip, now: app.clock() });
    await auditParent(trx, {
      action,
      outcome: 'failure',
      parent: actor,
      clientIp: request.ip,
      details: locked ? { reason, lockedUntil: locked.toISOString() } : { reason },
    });
  });
}

export async function actorOf(app: FastifyInstance, parentId: string): Promise<ParentActor> {
  const row = await parentActor(app, parentId);
  if (!row) throw new Error('parent account vanished');
  return {
    parentId: row.id,
    personId: row.person_id,
    familyId: row.family_id,
    organisationId: row.organisation_id,
  };
}

export async function startParentSession(
  app: FastifyInstance,
  request: FastifyRequest,
  parent: ParentAccountRow,
  stage: 'full' | 'enrol_pending',
  details: Record<string, unknown>,
): Promise<NewParentSession> {
  const previous = readParentCookie(request, app.config);
  const actor = await actorOf(app, parent.id);
  return app.db.transaction().execute(async (trx) => {
    if (previous)
      await trx.deleteFrom('parent_sessions').where('id_hash', '=', hashToken(previous)).execute();
    const session = await createParentSession(trx, {
      parentId: parent.id,
      stage,
      clientIp: request.ip,
      now: app.clock(),
    });
    if (stage === 'full') {
      await clearAccountFailures(trx, emailKey(normaliseEmail(parent.email)));
      await auditParent(trx, {
        action: 'portal.login',
        outcome: 'success',
        parent: actor,
        clientIp: request.ip,
        details,
      });
    }
    return session;
  });
}
