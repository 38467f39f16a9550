import { type CaregiverRole, SCREENED_ROLES } from '@nestwerk/knowledge';
import { sql } from 'kysely';
import type { Band } from '../db/schema.ts';
import { searchKey } from '../db/search-key.ts';
import type { Principal } from '../http/principal.ts';
import type { Db } from '../repositories/db.ts';
import { type ListNetworkDetails, loadListNetworkDetails } from '../repositories/list-network.ts';
import { screeningDatesOf } from '../repositories/parent-screenings.ts';
import { FEEDBACK_SETTLED } from '../repositories/referrals.ts';
import { addDays } from './calendar.ts';
import { type CaseloadScope, relationshipFamilyIds } from './family-scope.ts';

export type DueFilter = 'today' | 'overdue' | 'week' | 'all';

export interface FamilyListQuery {
  principal: Principal;
  today: string;
  scope: CaseloadScope;
  q: string | undefined;
  /** Set when `q` is a whole BSN or INSZ: its keyed digest, matched exactly against any person of the family. */
  nationalIdKey?: string | undefined;
  due: DueFilter;
  offset: number;
  limit: number;
}

export interface FamilyListRow {
  id: string;
  name: string;
  next_follow_up: string | null;
}

export interface FamilyListPage {
  rows: FamilyListRow[];
  total: number;
}

/** An urgent screening outcome stays at the top of the worklist this long (EPDS item 10: same day). */
export const URGENT_SCREENING_DAYS = 14;

/**
 * A search for a date: `dd-mm-jjjj` as Dutch and Flemish nurses write it (also with `/` or `.`, day and month
 * with one digit) or ISO `yyyy-mm-dd`. Returns the ISO date, `invalid` for something shaped like a date that
 * is not one (31-02-2025), or null for text.
 */
export function searchDate(q: string): string | 'invalid' | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(q);
  if (!iso && !dmy) return null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : [dmy?.[3], dmy?.[2], dmy?.[1]];
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? 'invalid' : date;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the families a professional may see, most urgent first: an open safety route, an urgent
 * screening, overdue referral feedback, an overdue follow-up, a follow-up today; then by the next follow-up
 * (none last). The total comes in the same query (a window count). The scope subquery decides which
 * families; the page's details come from {@link loadListDetails} in a fixed number of queries.
 */
export async function listFamilyPage(db: Db, query: FamilyListQuery): Promise<FamilyListPage> {
  const { principal, today } = query;
  const scope = relationshipFamilyIds(db, principal, today, query.scope);

  // The family's own row (name, organisation, search) is read per family of the caseload, by its primary key,
  // in a scalar subquery: null when the family is of another organisation or does not match the search. Both
  // databases then walk the (small) caseload from its index and look each family up — a scalar subquery is
  // never turned into a join, so PostgreSQL cannot choose to scan the whole organisation's families and probe
  // the caseload (it did with a join: most families belong to one organisation, so the filter is not selective).
  let family = db
    .selectFrom('families as f')
    .select('f.name')
    // `k` is the caseload the subquery is placed in, below; Kysely cannot see it from here.
    .where('f.id', '=', sql.ref<string>('k.family_id'))
    .where('f.organisation_id', '=', principal.organisationId);
  const q = query.q?.trim();
  if (q) {
    const date = query.nationalIdKey === undefined ? searchDate(q) : null;
    if (date === 'invalid') return { rows: [], total: 0 };
    const numberKey = query.nationalIdKey;
    // Names are matched on their search keys (lower case, no diacritics), maintained on every write.
    const pattern = date === null ? likePattern(searchKey(q)) : null;
    family =
      numberKey !== undefined
        ? family.where((eb) =>
            eb.exists(
              eb
                .selectFrom('persons as p')
                .select('p.id')
                .whereRef('p.family_id', '=', 'f.id')
                .where('p.national_id_key', '=', numberKey),
            ),
          )
        : date !== null
          ? family.where((eb) =>
              eb.exists(
                eb
                  .selectFrom('persons as p')
                  .select('p.id')
                  .whereRef('p.family_id', '=', 'f.id')
                  .where('p.kind', '=', 'child')
                  .where((e) => e.or([e('p.birth_date', '=', date), e('p.due_date', '=', date)])),
              ),
            )
          : family.where((eb) =>
              eb.or([
                eb(sql`f.search_key`, 'like', sql`${pattern} escape '\\'`),
                eb.exists(
                  eb
                    .selectFrom('persons as p')
                    .select('p.id')
                    .whereRef('p.family_id', '=', 'f.id')
                    .where('p.kind', '=', 'child')
                    .where(sql<boolean>`p.search_key like ${pattern} escape '\\'`),
                ),
              ]),
            );
  }

  // `k`: the caseload with each family's name (null: not listed). `w`: the listed families with their next
  // follow-up. The follow-up filter and the urgency work on that computed column, so the page comes from a
  // wrapping select over MATERIALIZED CTEs: the follow-up subquery then runs once per listed family, however
  // often the filter, the urgency and the order refer to it (a flattened subquery would repeat it).
  const urgentSince = addDays(today, -URGENT_SCREENING_DAYS);
  let filtered = db
    .with(
      (wb) => wb('k').materialized(),
      (d) => d.selectFrom(scope.as('k')).select(['k.family_id as id', family.as('name')]),
    )
    .with(
      (wb) => wb('w').materialized(),
      (d) =>
        d
          .selectFrom('k')
          .select((eb) => [
            'k.id',
            'k.name',
            eb
              .selectFrom('agreements as ag')
              .select((e) => e.fn.min('ag.follow_up_due').as('d'))
              .whereRef('ag.family_id', '=', 'k.id')
              .where('ag.status', '=', 'open')
              .as('next_follow_up'),
          ])
          .where('k.name', 'is not', null)
          .$narrowType<{ name: string }>(),
    )
    .selectFrom('w')
    .select(['w.id', 'w.name', 'w.next_follow_up'])
    .select((eb) =>
      eb
        .case()
        // Open routes and overdue referrals are few in any organisation: each is read once as a set (the
        // open-route index, a scan of the referrals), not probed per family of the caseload.
        .when(
          'w.id',
          'in',
          eb.selectFrom('safety_routes as r').select('r.family_id').where('r.status', '=', 'open'),
        )
        .then(0)
        .when(
          'w.id',
          'in',
          eb
            .selectFrom('parent_screenings as ps')
            .select('ps.family_id')
            .where('ps.outcome', '=', 'urgent')
            .where('ps.date', '>=', urgentSince),
        )
        .then(1)
        .when(
          'w.id',
          'in',
          eb
            .selectFrom('referrals as rf')
            .select('rf.family_id')
            .where('rf.status', 'not in', [...FEEDBACK_SETTLED])
            .where('rf.feedback_received_at', 'is', null)
            .where('rf.feedback_due', '<', today),
        )
        .then(2)
        .when('w.next_follow_up', '<', today)
        .then(3)
        .when('w.next_follow_up', '=', today)
        .then(4)
        .else(5)
        .end()
        .as('urgency'),
    );
  if (query.due === 'today') filtered = filtered.where('w.next_follow_up', '=', today);
  if (query.due === 'overdue') filtered = filtered.where('w.next_follow_up', '<', today);
  if (query.due === 'week') filtered = filtered.where('w.next_follow_up', '<=', addDays(today, 7));
  const rows = await db
    .selectFrom(filtered.as('u'))
    .select(['u.id', 'u.name', 'u.next_follow_up'])
    .select((eb) => eb.fn.countAll<string | number>().over().as('total'))
    .orderBy('u.urgency')
    .orderBy(sql`case when u.next_follow_up is null then 1 else 0 end`)
    .orderBy('u.next_follow_up')
    .orderBy('u.name')
    .orderBy('u.id')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  // Past the last page the window count has no row to ride on: count separately (rare).
  if (!rows[0] && query.offset > 0) {
    const row = await db
      .selectFrom(filtered.as('c'))
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    total = Number(row?.n ?? 0);
  }
  return { rows: rows.map(({ id, name, next_follow_up }) => ({ id, name, next_follow_up })), total };
}

export interface ListChildRow {
  id: string;
  family_id: string;
  given_name: string;
  birth_date: string | null;
  due_date: string | null;
}

export interface LatestContactRow {
  family_id: string;
  date: string;
  suggested_band: Band | null;
  agreed_band: Band | null;
  cumulative_risk: number | null;
  safety_concern: number | null;
  /** From the engine's stored result: burdens and strengths counted, and which way the balance tipped. */
  hindering_count: number | string | null;
  protective_count: number | string | null;
  tilt: string | null;
}

export interface ListParentRow {
  id: string;
  family_id: string;
  caregiver_role: CaregiverRole | null;
}

export interface ListDetails {
  children: ListChildRow[];
  /** Mothers, fathers and co-parents, and the dates they were screened: the screenings due today. */
  parents: ListParentRow[];
  screenings: { family_id: string; person_id: string; date: string }[];
  latest: LatestContactRow[];
  /** Families with a parent's urgent screening outcome in the last {@link URGENT_SCREENING_DAYS} days. */
  urgentScreenings: string[];
  /** Referrals awaiting feedback and open safety routes, so the worklist can flag them. */
  network: ListNetworkDetails;
}

/** Children, screened parents, their screening dates and the latest contact of one page of families: no N+1. */
export async function loadListDetails(db: Db, familyIds: string[], today: string): Promise<ListDetails> {
  if (familyIds.length === 0)
    return {
      children: [],
      parents: [],
      screenings: [],
      latest: [],
      urgentScreenings: [],
      network: { awaitingFeedback: [], openRoutes: [] },
    };
  const [children, parents, screenings, latest, urgent, network] = await Promise.all([
    db
      .selectFrom('persons')
      .select(['id', 'family_id', 'given_name', 'birth_date', 'due_date'])
      .where('family_id', 'in', familyIds)
      .where('kind', '=', 'child')
      .orderBy('family_id')
      .orderBy('birth_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('persons')
      .select(['id', 'family_id', 'caregiver_role'])
      .where('family_id', 'in', familyIds)
      .where('kind', '=', 'caregiver')
      .where('caregiver_role', 'in', [...SCREENED_ROLES])
      .execute(),
    screeningDatesOf(db, familyIds),
    // The latest contact per family by an index seek each (contacts by family and date), not a sort of all.
    db
      .selectFrom('contacts as c')
      .leftJoin('assessments as a', 'a.contact_id', 'c.id')
      .select([
        'c.family_id',
        'c.date',
        'a.suggested_band',
        'a.agreed_band',
        'a.cumulative_risk',
        'a.safety_concern',
        // The balance's counts and tilt as stored beside the result (migration 0023): neither the whole
        // result (kilobytes per family) nor the database's JSON parser is needed for a list.
        'a.balance_hindering as hindering_count',
        'a.balance_protective as protective_count',
        'a.balance_tilt as tilt',
      ])
      .where('c.id', 'in', (eb) =>
        eb
          .selectFrom('families as f')
          .select((e) =>
            e
              .selectFrom('contacts as last')
              .select('last.id')
              .whereRef('last.family_id', '=', 'f.id')
              .orderBy('last.date', 'desc')
              .orderBy('last.id', 'desc')
              .limit(1)
              .as('id'),
          )
          .where('f.id', 'in', familyIds),
      )
      .execute(),
    db
      .selectFrom('parent_screenings')
      .select('family_id')
      .distinct()
      .where('family_id', 'in', familyIds)
      .where('date', '>=', addDays(today, -URGENT_SCREENING_DAYS))
      .where('outcome', '=', 'urgent')
      .execute(),
    loadListNetworkDetails(db, familyIds),
  ]);
  return {
    children,
    parents,
    screenings,
    latest,
    urgentScreenings: urgent.map((u) => u.family_id),
    network,
  };
}
