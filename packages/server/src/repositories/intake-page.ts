import type { ReferralStatus } from '@nestwerk/knowledge';
import { executeCompiled, precompiled } from '../db/precompiled.ts';
import { count, type Db } from './db.ts';

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

type Shape = 'open' | 'all' | 'one';
type PageParams = { organisationId: string; status: string; offset: number; limit: number };

/** The receiving organisation's referrals that pass the filter (`status` is bound only for 'one'). */
function received(db: Db, shape: Shape, p: { organisationId: string; status: string }) {
  // The receiving organisation is set when a referral is sent through Nestwerk, never on a draft.
  const q = db.selectFrom('referrals').where('receiver_organisation_id', '=', p.organisationId);
  if (shape === 'open') return q.where('status', 'in', [...OPEN]);
  if (shape === 'one') return q.where('status', '=', p.status as ReferralStatus);
  return q;
}

function receivedCount(db: Db, shape: Shape, p: { organisationId: string; status: string }) {
  return received(db, shape, p).select((eb) => eb.fn.countAll<number | string>().as('n'));
}

/**
 * The page in one statement: the page's ids come from the covering index (receiver, sent_at, id, status) in
 * its order, stopping at the page's end; only the page's rows are then read in full, with their consent's
 * state; the total is an uncorrelated count (index-only, once per statement). Formerly three statements
 * (count, ids, rows by an `in` list of the ids), each a round trip and, on PostgreSQL, planned anew. A window
 * count instead cost a sort of every matching referral. Reads only the referral's own columns and its
 * consent — never the family file.
 */
function pageQuery(db: Db, shape: Shape, p: PageParams) {
  const page = received(db, shape, p)
    .select('id')
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .offset(p.offset)
    .limit(p.limit);
  return db
    .selectFrom(page.as('page'))
    .innerJoin('referrals as r', 'r.id', 'page.id')
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
    .select(() => receivedCount(db, shape, p).as('total'))
    .orderBy('r.sent_at', 'desc')
    .orderBy('r.id', 'desc');
}

const pages: Record<Shape, ReturnType<typeof precompilePage>> = {
  open: precompilePage('open'),
  all: precompilePage('all'),
  one: precompilePage('one'),
};

function precompilePage(shape: Shape) {
  return precompiled((db, p: PageParams) => pageQuery(db, shape, p), { perValue: ['offset', 'limit'] });
}

/** One page of an organisation's intake queue, newest first, with the total. */
export async function intakePage(
  db: Db,
  query: { organisationId: string; filter: IntakeFilter; offset: number; limit: number },
): Promise<{ rows: IntakeRow[]; total: number }> {
  const shape: Shape = query.filter === 'open' || query.filter === 'all' ? query.filter : 'one';
  const params = {
    organisationId: query.organisationId,
    status: shape === 'one' ? query.filter : '',
    offset: query.offset,
    limit: query.limit,
  };
  const found = await pages[shape].execute(db, params);
  if (found.length > 0)
    return { rows: found.map(({ total: _total, ...row }) => row), total: count(found[0]?.total) };
  // Past the last page the window count has no row to ride on: count on its own (rare).
  const counted = await executeCompiled(db, receivedCount(db, shape, params).compile());
  return { rows: [], total: count(counted[0]?.n) };
}
