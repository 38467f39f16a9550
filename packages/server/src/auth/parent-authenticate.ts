import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthMode } from '../http/app-context.ts';
import { HttpError } from '../http/errors.ts';
import { portalBlock } from '../policies/portal-access.ts';
import { deleteParentSessions } from '../repositories/portal.ts';
import { auditParent, type ParentActor } from './parent-audit.ts';
import {
  clearParentCookie,
  type LoadedParentSession,
  loadParentSession,
  readParentCookie,
} from './parent-session.ts';
import { sameToken } from './session-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The parent session behind a portal request in any stage; null elsewhere. */
    parentSession: LoadedParentSession | null;
  }
}

type ParentMode = Extract<AuthMode, 'parent' | 'parent_pending' | 'parent_optional'>;

export function isParentMode(mode: AuthMode): mode is ParentMode {
  return mode === 'parent' || mode === 'parent_pending' || mode === 'parent_optional';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The parent account with the organisation of its family: who the parent is for audit and scoping. */
export async function parentActor(app: FastifyInstance, parentId: string) {
  return app.db
    .selectFrom('parent_accounts as p')
    .innerJoin('families as f', 'f.id', 'p.family_id')
    .select(['p.id', 'p.person_id', 'p.family_id', 'p.suspended_at', 'f.organisation_id'])
    .where('p.id', '=', parentId)
    .executeTakeFirst();
}

/**
 * Portal routes: the parent's cookie only. A full session is checked against the account on every request —
 * suspended, authority withdrawn or named in an open safety route ends every session of that parent at once.
 */
export async function authenticateParent(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  mode: ParentMode,
): Promise<void> {
  const now = app.clock();
  const token = readParentCookie(request, app.config);
  const lookup = await loadParentSession(app.db, token, now);
  const session = lookup.session;
  if (!session && token) clearParentCookie(reply, app.config);
  if (session && UNSAFE.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
      await auditParent(app.db, {
        action: 'portal.request.csrf_rejected',
        outcome: 'denied',
        parent: null,
        clientIp: request.ip,
        details: { route: request.routeOptions.url ?? null, parentId: session.parentId },
      });
      throw new HttpError('csrf', 'Missing or invalid x-csrf-token header; reload the page and try again.');
    }
  }
  request.parentSession = session;
  if (mode === 'parent_optional') return;
  if (mode === 'parent_pending') {
    if (!session || session.stage !== 'enrol_pending')
      throw new HttpError('unauthenticated', 'Redeem your invitation or log in first.');
    return;
  }
  if (!session || session.stage !== 'full') {
    const reason = session ? 'enrol_pending' : lookup.absence;
    await auditParent(app.db, {
      action: 'portal.request.unauthenticated',
      outcome: 'denied',
      parent: null,
      clientIp: request.ip,
      details: { method: request.method, route: request.routeOptions.url ?? null, reason },
    });
    throw new HttpError('unauthenticated', 'Please log in.', undefined, { reason });
  }
  const account = await parentActor(app, session.parentId);
  if (!account) throw new HttpError('unauthenticated', 'Please log in.', undefined, { reason: 'ended' });
  const actor: ParentActor = {
    parentId: account.id,
    personId: account.person_id,
    familyId: account.family_id,
    organisationId: account.organisation_id,
  };
  const block =
    account.suspended_at !== null
      ? 'suspended'
      : await portalBlock(app.db, account.person_id, account.family_id);
  if (block) {
    await app.db.transaction().execute(async (trx) => {
      await deleteParentSessions(trx, account.id);
      await auditParent(trx, {
        action: 'portal.request.refused',
        outcome: 'denied',
        parent: actor,
        clientIp: request.ip,
        details: { route: request.routeOptions.url ?? null, reason: block },
      });
    });
    clearParentCookie(reply, app.config);
    throw new HttpError('unauthenticated', 'Your access to the portal has ended.', undefined, {
      reason: block,
    });
  }
  request.parent = { ...actor, sessionIdHash: session.idHash };
}
