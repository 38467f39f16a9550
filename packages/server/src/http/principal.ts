import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import { HttpError } from './errors.ts';

/** Who is making a request, set by the authentication hook once a session is fully established. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string;
  teamId: string | null;
  sessionIdHash: string;
  displayName: string;
}

/**
 * A parent in the portal: never a Principal, so no professional handler can be reached with it. Set by the
 * authentication hook on `parent` routes once the parent's session is full and their access still holds.
 */
export interface ParentPrincipal {
  parentId: string;
  personId: string;
  familyId: string;
  organisationId: string;
  sessionIdHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Null on routes that do not require a session. */
    principal: Principal | null;
    /** Null except on portal routes with a full parent session. */
    parent: ParentPrincipal | null;
  }
}

/** For handlers of `parent` routes: the hook has already answered 401 without one. */
export function requireParent(request: FastifyRequest): ParentPrincipal {
  if (!request.parent) throw new HttpError('unauthenticated', 'Please log in.');
  return request.parent;
}

/**
 * For handlers of `full` routes (the default under /api): the authentication hook has already answered 401/403
 * when there is no principal, so this only narrows the type — and guards against a route marked `none` by mistake.
 */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError('unauthenticated', 'Please log in.');
  return request.principal;
}

/** 403 unless the user has one of the roles. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = requirePrincipal(request);
  if (!roles.includes(principal.role))
    throw new HttpError('forbidden', 'Your role does not allow this action.');
  return principal;
}
