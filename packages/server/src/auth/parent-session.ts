import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database, ParentSessionTable } from '../db/schema.ts';
import { hashToken, newToken } from './session-token.ts';

/**
 * Parent sessions live apart from professional ones: their own table, their own cookie, a shorter idle limit
 * (a phone left on a kitchen table) and a shorter working day. The cookie has the same hardening as the
 * professional one (HttpOnly, SameSite=Strict, `__Host-` and Secure behind TLS, no Max-Age).
 */
export const PARENT_IDLE_MINUTES = 15;
const PARENT_ABSOLUTE_HOURS = 4;
const PARENT_PENDING_MINUTES = 10;
const MINUTE = 60_000;
const TOUCH_INTERVAL_MS = 60_000;

export type ParentSessionStage = ParentSessionTable['stage'];

export function parentCookieName(config: Config): string {
  return config.secureCookies ? '__Host-nestwerk_parent' : 'nestwerk_parent';
}

function options(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies } as const;
}

export function readParentCookie(request: FastifyRequest, config: Config): string | undefined {
  const value = request.cookies[parentCookieName(config)];
  return value && value.length <= 128 ? value : undefined;
}

export function setParentCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(parentCookieName(config), token, options(config));
}

export function clearParentCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(parentCookieName(config), options(config));
}

export interface NewParentSession {
  token: string;
  idHash: string;
  csrfToken: string;
}

export interface LoadedParentSession {
  idHash: string;
  parentId: string;
  stage: ParentSessionStage;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function createParentSession(
  db: Kysely<Database>,
  input: { parentId: string; stage: ParentSessionStage; clientIp: string | null; now: Date },
): Promise<NewParentSession> {
  const token = newToken();
  const idHash = hashToken(token);
  const csrfToken = newToken();
  const lifetime =
    input.stage === 'full' ? PARENT_ABSOLUTE_HOURS * 60 * MINUTE : PARENT_PENDING_MINUTES * MINUTE;
  const now = input.now.toISOString();
  await db
    .deleteFrom('parent_sessions')
    .where('parent_id', '=', input.parentId)
    .where('expires_at', '<=', now)
    .execute();
  await db
    .insertInto('parent_sessions')
    .values({
      id_hash: idHash,
      parent_id: input.parentId,
      csrf_token: csrfToken,
      stage: input.stage,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(input.now.getTime() + lifetime).toISOString(),
      client_ip: input.clientIp,
    })
    .execute();
  return { token, idHash, csrfToken };
}

export async function deleteParentSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('parent_sessions').where('id_hash', '=', idHash).execute();
}

export type ParentSessionLookup =
  | { session: LoadedParentSession; absence: null }
  | { session: null; absence: 'absent' | 'ended' | 'expired' };

/** The parent session behind the cookie, enforcing the idle and absolute limits (an expired one is deleted). */
export async function loadParentSession(
  db: Kysely<Database>,
  token: string | undefined,
  now: Date,
): Promise<ParentSessionLookup> {
  if (!token) return { session: null, absence: 'absent' };
  const row = await db
    .selectFrom('parent_sessions')
    .selectAll()
    .where('id_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { session: null, absence: 'ended' };
  const idleDeadline = Date.parse(row.last_seen_at) + PARENT_IDLE_MINUTES * MINUTE;
  if (now.getTime() >= Date.parse(row.expires_at) || now.getTime() > idleDeadline) {
    await deleteParentSession(db, row.id_hash);
    return { session: null, absence: 'expired' };
  }
  if (row.stage === 'full' && now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS)
    await db
      .updateTable('parent_sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute();
  return {
    session: {
      idHash: row.id_hash,
      parentId: row.parent_id,
      stage: row.stage,
      csrfToken: row.csrf_token,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    },
    absence: null,
  };
}
