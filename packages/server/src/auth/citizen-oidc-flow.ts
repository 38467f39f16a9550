import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { SecretBox } from '../db/secrets.ts';
import { hashToken, newToken } from './session-token.ts';

/**
 * State, nonce and PKCE verifier of a citizen log-in between the redirect to the provider and its redirect back,
 * kept in the database: behind a load balancer the callback may reach another process than the start. The
 * browser carries a random token (the flow cookie) whose hash keys the row, so a callback URL sent to somebody
 * else finds no flow in their browser; the row is spent on first use, so a replayed callback finds nothing.
 */
const FLOW_MINUTES = 10;

export interface CitizenFlow {
  idHash: string;
  state: string;
  nonce: string;
  verifier: string;
  invitationId: string | null;
  email: string | null;
}

export type TakenFlow =
  | { flow: CitizenFlow; problem: null }
  | { flow: null; problem: 'absent' | 'expired' | 'replayed' };

export function flowCookieName(config: Config): string {
  return config.secureCookies ? '__Host-nestwerk_citizen' : 'nestwerk_citizen';
}

/** Lax, not Strict: the cookie must come along on the provider's cross-site redirect back to the callback. */
function cookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;
}

const verifierContext = (idHash: string) => `citizen-oidc-flow:${idHash}`;

export async function createFlow(
  db: Kysely<Database>,
  secrets: SecretBox,
  reply: FastifyReply,
  config: Config,
  input: {
    state: string;
    nonce: string;
    verifier: string;
    invitationId: string | null;
    email: string | null;
    now: Date;
  },
): Promise<void> {
  const token = newToken();
  const idHash = hashToken(token);
  const now = input.now.toISOString();
  // Abandoned flows (the parent closed the tab at the provider) go with the next one started.
  await db.deleteFrom('portal_oidc_flows').where('expires_at', '<=', now).execute();
  await db
    .insertInto('portal_oidc_flows')
    .values({
      id_hash: idHash,
      state: input.state,
      nonce: input.nonce,
      verifier_sealed: secrets.seal(input.verifier, verifierContext(idHash)),
      invitation_id: input.invitationId,
      email: input.email,
      created_at: now,
      expires_at: new Date(input.now.getTime() + FLOW_MINUTES * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  reply.setCookie(flowCookieName(config), token, { ...cookieOptions(config), maxAge: FLOW_MINUTES * 60 });
}

/**
 * The flow behind the browser's cookie, marked used in the same statement that checks it is unused and
 * unexpired: of two callbacks racing with one cookie (or one replayed), exactly one gets the flow. The cookie
 * is cleared either way.
 */
export async function takeFlow(
  db: Kysely<Database>,
  secrets: SecretBox,
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  now: Date,
): Promise<TakenFlow> {
  const token = request.cookies[flowCookieName(config)];
  reply.clearCookie(flowCookieName(config), cookieOptions(config));
  if (!token || token.length > 128) return { flow: null, problem: 'absent' };
  const idHash = hashToken(token);
  const at = now.toISOString();
  const taken = await db
    .updateTable('portal_oidc_flows')
    .set({ used_at: at })
    .where('id_hash', '=', idHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  const row = await db
    .selectFrom('portal_oidc_flows')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return { flow: null, problem: 'absent' };
  if (Number(taken.numUpdatedRows) !== 1)
    return { flow: null, problem: row.used_at !== null ? 'replayed' : 'expired' };
  let verifier: string;
  try {
    verifier = secrets.open(row.verifier_sealed, verifierContext(idHash));
  } catch {
    // Sealed under a key this process no longer has (rotated mid-flow): start again.
    return { flow: null, problem: 'expired' };
  }
  return {
    flow: {
      idHash,
      state: row.state,
      nonce: row.nonce,
      verifier,
      invitationId: row.invitation_id,
      email: row.email,
    },
    problem: null,
  };
}
