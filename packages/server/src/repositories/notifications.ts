import type { NotificationKind } from '@nestwerk/knowledge';
import type { Selectable } from 'kysely';
import { v7 as uuid } from 'uuid';
import type { NotificationTable } from '../db/schema.ts';
import { count, type Db, updatedOne } from './db.ts';

export type NotificationRow = Selectable<NotificationTable>;

/**
 * Notifications are written in the transaction of the event they announce, so an event and its notice
 * commit together. They name the kind and the referral only: the text is the client's, the data stays
 * behind the referral's own access rules.
 */
export async function notify(
  db: Db,
  userIds: readonly string[],
  kind: NotificationKind,
  referralId: string,
  at: string,
  dedupeKey?: (userId: string) => string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      unique.map((userId) => ({
        id: uuid(),
        user_id: userId,
        kind,
        referral_id: referralId,
        family_id: null,
        created_at: at,
        read_at: null,
        dedupe_key: dedupeKey ? dedupeKey(userId) : null,
      })),
    )
    .execute();
}

/** The active IMH specialists of a receiving organisation: who hears of a new referral. */
export async function receiverUserIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'imh_specialist')
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Creates the overdue notices a referrer does not have yet (idempotent through the dedupe key). */
export async function ensureOverdueNotices(
  db: Db,
  userId: string,
  referralIds: readonly string[],
  at: string,
): Promise<void> {
  if (referralIds.length === 0) return;
  const keys = referralIds.map((id) => `feedback_overdue:${id}:${userId}`);
  const existing = new Set(
    (await db.selectFrom('notifications').select('dedupe_key').where('dedupe_key', 'in', keys).execute()).map(
      (r) => r.dedupe_key,
    ),
  );
  for (const id of referralIds) {
    const key = `feedback_overdue:${id}:${userId}`;
    if (!existing.has(key)) await notify(db, [userId], 'feedback_overdue', id, at, () => key);
  }
}

export async function listNotifications(
  db: Db,
  query: { userId: string; unreadOnly: boolean; offset: number; limit: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', query.userId);
  if (query.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, totals] = await Promise.all([
    q.orderBy('created_at', 'desc').orderBy('id', 'desc').offset(query.offset).limit(query.limit).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('total'),
        eb.fn.count<number | string>('id').filterWhere('read_at', 'is', null).as('unread'),
      ])
      .where('user_id', '=', query.userId)
      .executeTakeFirst(),
  ]);
  const unread = count(totals?.unread);
  return { rows, total: query.unreadOnly ? unread : count(totals?.total), unread };
}

export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return updatedOne(result);
}

export function findNotification(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What a notice outside a referral points at: a family, an emergency access to review, or an approval. */
export type NoticeSubject = { family_id: string } | { emergency_access_id: string } | { approval_id: string };

/**
 * One notice per user (each once) about a subject, written in the transaction of the event so that the event
 * and its notices commit together.
 */
export async function notifyUsers(
  db: Db,
  userIds: readonly string[],
  kind: NotificationKind,
  subject: NoticeSubject,
  at: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      unique.map((userId) => ({
        id: uuid(),
        user_id: userId,
        kind,
        referral_id: null,
        ...subject,
        created_at: at,
        read_at: null,
        dedupe_key: null,
      })),
    )
    .execute();
}

/**
 * The active team leads of a user's team; for a user without a team, the organisation's team leads, so that an
 * urgent outcome always reaches someone who oversees the caseload.
 */
export async function teamLeadIds(db: Db, organisationId: string, teamId: string | null): Promise<string[]> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'team_lead')
    .where('disabled_at', 'is', null);
  if (teamId !== null) q = q.where('team_id', '=', teamId);
  return (await q.execute()).map((r) => r.id);
}

/** When the referrer last reminded the receiving team of a referral's overdue feedback, if ever. */
export async function lastReminder(db: Db, referralId: string): Promise<string | null> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('referral_id', '=', referralId)
    .where('kind', '=', 'feedback_reminder')
    .executeTakeFirst();
  return row?.at ?? null;
}
