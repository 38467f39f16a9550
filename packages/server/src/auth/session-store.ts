import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { precompiled } from '../db/precompiled.ts';
import type { Database, Role, SessionTable } from '../db/schema.ts';
import { hashToken, newToken } from './session-token.ts';

export type SessionStage = SessionTable['stage'];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  teamId: string | null;
  mustChangePassword: boolean;
}

export interface LoadedSession {
  idHash: string;
  stage: SessionStage;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  user: SessionUser;
}

export interface NewSession {
  token: string;
  idHash: string;
  csrfToken: string;
}

const MINUTE = 60_000;

export async function createSession(
  db: Kysely<Database>,
  config: Config,
  input: { userId: string; stage: SessionStage; clientIp: string | null; now: Date },
): Promise<NewSession> {
  const token = newToken();
  const idHash = hashToken(token);
  const csrfToken = newToken();
  // A half-finished log-in is only good for the next few minutes; a full one for the working day.
  const lifetime =
    input.stage === 'full'
      ? config.session.absoluteHours * 60 * MINUTE
      : config.session.pendingMinutes * MINUTE;
  const now = input.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      user_id: input.userId,
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

/** Precompiled: it runs on every request. */
const sessionWithUser = precompiled((db, p: { idHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.stage',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.organisation_id',
      'users.team_id',
      'users.must_change_password',
      'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', p.idHash),
);

/** One indexed read per request: the session with the user it belongs to; disabled users have none. */
export async function findSession(db: Kysely<Database>, idHash: string): Promise<LoadedSession | null> {
  const [row] = await sessionWithUser.execute(db, { idHash });
  if (!row || row.disabled_at !== null) return null;
  return {
    idHash: row.id_hash,
    stage: row.stage,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      organisationId: row.organisation_id,
      teamId: row.team_id,
      mustChangePassword: Number(row.must_change_password) === 1,
    },
  };
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** After a password change or reset: every other device has to log in again. */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
  exceptIdHash?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  await query.execute();
}

/** Housekeeping at log-in, so expired rows do not pile up without a separate job. */
export async function deleteExpiredSessions(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now.toISOString())
    .execute();
}
