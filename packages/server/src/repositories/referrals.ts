import type { ReferralStatus } from '@nestwerk/knowledge';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { ReferralFeedbackTable, ReferralStatusHistoryTable, ReferralTable } from '../db/schema.ts';
import { count, type Db, updatedOne } from './db.ts';

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

export type IntakeFilter = 'open' | 'all' | Exclude<ReferralStatus, 'draft'>;

const OPEN: readonly ReferralStatus[] = ['sent', 'received', 'accepted', 'in_care'];

export interface IntakeRow {
  id: string;
  status: ReferralStatus;
  sent_at: string | null;
  feedback_due: string | null;
  intake_date: string | null;
  basis: 'consent' | 'no_consent';
  consent_id: string | null;
  consent_withdrawn_at: string | null;
  shared_json: string | null;
  consent_withdrawn: string | null;
  consent_valid_until: string | null;
}

/**
 * One page of an organisation's intake queue, newest first, with the total. The page of ids comes from the
 * covering index (receiver, sent_at, id, status), the count from (receiver, status); only the page's rows
 * are then read in full. Reads only the referral's own columns and its consent's state — never a table of
 * the family file.
 */
export async function intakePage(
  db: Db,
  query: { organisationId: string; filter: IntakeFilter; offset: number; limit: number },
): Promise<{ rows: IntakeRow[]; total: number }> {
  // The receiving organisation is set when a referral is sent through Nestwerk, never on a draft.
  let q = db.selectFrom('referrals').where('receiver_organisation_id', '=', query.organisationId);
  if (query.filter === 'open') q = q.where('status', 'in', [...OPEN]);
  else if (query.filter !== 'all') q = q.where('status', '=', query.filter);
  const [counted, page] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    q
      .select('id')
      .orderBy('sent_at', 'desc')
      .orderBy('id', 'desc')
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
  ]);
  const total = count(counted?.n);
  if (page.length === 0) return { rows: [], total };
  const rows = await db
    .selectFrom('referrals as r')
    .leftJoin('consents as c', 'c.id', 'r.consent_id')
    .select([
      'r.id',
      'r.status',
      'r.sent_at',
      'r.feedback_due',
      'r.intake_date',
      'r.basis',
      'r.consent_id',
      'r.consent_withdrawn_at',
      'r.shared_json',
      'c.withdrawn_at as consent_withdrawn',
      'c.valid_until as consent_valid_until',
    ])
    .where(
      'r.id',
      'in',
      page.map((p) => p.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: page.flatMap((p) => byId.get(p.id) ?? []), total };
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
