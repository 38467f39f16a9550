import type {} from 'fastify';
import type { Role } from '../db/schema.ts';

/** Who is making a request, set by the authentication hook once a session is fully established. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string;
  teamId: string | null;
  sessionIdHash: string;
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Null on routes that do not require a session. */
    principal: Principal | null;
  }
}
