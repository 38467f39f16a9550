import type { ReferralStatus } from '@nestwerk/knowledge';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { ReferralFeedbackTable, ReferralStatusHistoryTable, ReferralTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type ReferralRow = Selectable<ReferralTable>;
export type ReferralPatch = Omit<Updateable<ReferralTable>, 'id' | 'version' | 'updated_at'>;
export type StatusHistoryRow = Selectable<ReferralStatusHistoryTable>;
export type FeedbackRow = Selectable<ReferralFeedbackTable>;

export async function insertReferral(db: Db, row: Insertable<ReferralTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

export function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReferralFamilyId(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('referrals').select('family_id').where('id', '=', id).executeTakeFirst();
  return row?.family_id;
}

/**
 * Changes a referral only when it still has the version (or status) the caller saw: a stale edit or a
 * transition raced by someone else matches no row.
 */
export async function updateReferral(
  db: Db,
  id: string,
  expect: { version?: number; status?: ReferralStatus },
  patch: ReferralPatch,
  now: string,
): Promise<boolean> {
  let q = db
    .updateTable('referrals')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expect.version !== undefined) q = q.where('version', '=', expect.version);
  if (expect.status !== undefined) q = q.where('status', '=', expect.status);
  return updatedOne(await q.executeTakeFirst());
}

export async function insertStatusHistory(
  db: Db,
  row: Insertable<ReferralStatusHistoryTable>,
): Promise<void> {
  await db.insertInto('referral_status_history').values(row).execute();
}

export function listStatusHistory(db: Db, referralId: string): Promise<StatusHistoryRow[]> {
  return db
    .selectFrom('referral_status_history')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertFeedback(db: Db, row: Insertable<ReferralFeedbackTable>): Promise<void> {
  await db.insertInto('referral_feedback').values(row).execute();
}

export function listFeedback(db: Db, referralId: string): Promise<FeedbackRow[]> {
  return db
    .selectFrom('referral_feedback')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Precompiled: it runs on every family read. */
export function referralsOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .selectAll('r')
    .select('p.name as partner_name')
    .where('r.family_id', '=', familyId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc');
}
const referralsOfFamily = precompiled((db, p: { familyId: string }) =>
  referralsOfFamilyQuery(db, p.familyId),
);

export function listFamilyReferrals(
  db: Db,
  familyId: string,
): Promise<Array<ReferralRow & { partner_name: string }>> {
  return referralsOfFamily.execute(db, { familyId });
}

/** Statuses after which no feedback is awaited any more: a decline carries its reason, closing ends it. */
export const FEEDBACK_SETTLED: readonly ReferralStatus[] = ['draft', 'declined', 'closed'];

/** Sent, past its feedback date, and nothing heard back: shows on the worklist and in notifications. */
export function isFeedbackOverdue(
  r: Pick<ReferralRow, 'status' | 'feedback_due' | 'feedback_received_at'>,
  today: string,
): boolean {
  return (
    !FEEDBACK_SETTLED.includes(r.status) &&
    r.feedback_due !== null &&
    r.feedback_due < today &&
    r.feedback_received_at === null
  );
}

/** The referrer's referrals whose feedback is overdue (for notifications). */
export function overdueReferralsOf(
  db: Db,
  referrerId: string,
  today: string,
): Promise<Array<{ id: string }>> {
  return db
    .selectFrom('referrals')
    .select('id')
    .where('referrer_id', '=', referrerId)
    .where('status', 'not in', [...FEEDBACK_SETTLED])
    .where('feedback_due', '<', today)
    .where('feedback_received_at', 'is', null)
    .orderBy('feedback_due')
    .limit(500)
    .execute();
}

/** Referrals that rest on a consent and can still be shared: what a withdrawal must stop. */
export function referralsOnConsent(
  db: Db,
  consentId: string,
): Promise<Array<Pick<ReferralRow, 'id' | 'receiver_organisation_id' | 'status' | 'sent_at'>>> {
  return db
    .selectFrom('referrals')
    .select(['id', 'receiver_organisation_id', 'status', 'sent_at'])
    .where('consent_id', '=', consentId)
    .where('consent_withdrawn_at', 'is', null)
    .execute();
}

/**
 * The first contact that recorded a concern: an estimate other than safe, two or more hindering factors, a
 * referral criterion, a safety concern or advice to refer. Time to help is measured from here.
 */
export async function firstSignalDate(db: Db, familyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contacts as c')
    .innerJoin('assessments as a', 'a.contact_id', 'c.id')
    .select((eb) => eb.fn.min('c.date').as('first'))
    .where('c.family_id', '=', familyId)
    .where((eb) =>
      eb.or([
        eb('a.suggested_band', 'in', ['insecure', 'problematic_suspected']),
        eb('a.agreed_band', 'in', ['insecure', 'problematic_suspected']),
        eb('a.cumulative_risk', '=', 1),
        eb('a.refer_outside', '=', 1),
        eb('a.safety_concern', '=', 1),
        eb.exists(
          eb
            .selectFrom('observations as o')
            .select('o.contact_id')
            .whereRef('o.contact_id', '=', 'c.id')
            .where('o.kind', '=', 'criterion'),
        ),
      ]),
    )
    .executeTakeFirst();
  return row?.first ?? null;
}
