import type {} from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Dialect } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { SecretBox } from '../db/secrets.ts';

/** Injectable time, so tests can move past idle timeouts and lockouts without waiting. */
export type Clock = () => Date;

/**
 * How a route is reached:
 * - `none`: no session needed or looked at (health, log-in, OpenAPI);
 * - `optional`: the session is used when valid, its absence is no error (log-out);
 * - `pending`: a session between password and second factor (TOTP step, enrolment);
 * - `session`: a full session, even one whose password must be changed first (session endpoints);
 * - `full` (default for /api): a full session with no pending password change;
 * - `parent`, `parent_pending`, `parent_optional`: the parent portal's session (own cookie and table), which
 *   the professional modes never accept, nor these a professional session.
 */
export type AuthMode =
  | 'none'
  | 'optional'
  | 'pending'
  | 'session'
  | 'full'
  | 'parent'
  | 'parent_pending'
  | 'parent_optional';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: Dialect;
    config: Config;
    clock: Clock;
    /** Seals and opens secrets stored in the database (TOTP seeds) with the key kept outside it. */
    secrets: SecretBox;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
}
