import { type CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { executeCompiled, precompiled } from '../db/precompiled.ts';
import { searchKey } from '../db/search-key.ts';
import type { Principal } from '../http/principal.ts';
import type { Db } from '../repositories/db.ts';
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

/** What a page's query is built from: the values, with the dates it compares against worked out. */
interface PageArgs {
  principal: Principal;
  today: string;
  /** Urgent screenings on or after this day keep a family at the top. */
  urgentSince: string;
  /** The last day `due=week` lists. */
  weekEnd: string;
  scope: CaseloadScope;
  due: DueFilter;
  offset: number;
  limit: number;
}

/** A search narrows the caseload on the family's name or its persons; none lists the whole caseload. */
type Search =
  | { kind: 'national_id'; key: string }
  | { kind: 'date'; date: string }
  | { kind: 'text'; pattern: string };

/**
 * The organisation's families that match the search, with what the worklist shows and sorts on: the next
 * follow-up is kept on the family's row (migration 0029). `correlated` ties it to the caseload's row `c` (a
 * LATERAL join on PostgreSQL); otherwise the caller joins it.
 */
function matchingFamilies(db: Db, a: PageArgs, search: Search | null, correlated: boolean) {
  let family = db
    .selectFrom('families as f')
    .select(['f.id', 'f.name', 'f.next_follow_up'])
    .where('f.organisation_id', '=', a.principal.organisationId);
  // `c` is the caseload the subquery is joined to, below; Kysely cannot see it from here. The limit (the id is
  // the key: one row at most) keeps PostgreSQL from pulling the subquery up into a plain join, which it would
  // then answer by a hash join over a scan of the organisation's families.
  if (correlated) family = family.where('f.id', '=', sql.ref<string>('c.family_id')).limit(1);
  if (search?.kind === 'national_id')
    family = family.where((eb) =>
      eb.exists(
        eb
          .selectFrom('persons as p')
          .select('p.id')
          .whereRef('p.family_id', '=', 'f.id')
          .where('p.national_id_key', '=', search.key),
      ),
    );
  else if (search?.kind === 'date')
    family = family.where((eb) =>
      eb.exists(
        eb
          .selectFrom('persons as p')
          .select('p.id')
          .whereRef('p.family_id', '=', 'f.id')
          .where('p.kind', '=', 'child')
          .where((e) => e.or([e('p.birth_date', '=', search.date), e('p.due_date', '=', search.date)])),
      ),
    );
  else if (search?.kind === 'text')
    // Names are matched on their search keys (lower case, no diacritics), maintained on every write.
    family = family.where((eb) =>
      eb.or([
        eb(sql`f.search_key`, 'like', sql`${search.pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('persons as p')
            .select('p.id')
            .whereRef('p.family_id', '=', 'f.id')
            .where('p.kind', '=', 'child')
            .where(sql<boolean>`p.search_key like ${search.pattern} escape '\\'`),
        ),
      ]),
    );
  return family;
}

/**
 * The listed families as one MATERIALIZED CTE `u`: the caseload with each family's name, next follow-up and
 * urgency, kept to those the follow-up filter wants. The page and its total are read from `u`, which is
 * worked out once. (A separate CTE for the caseload before its urgency cost SQLite a second ephemeral table of
 * the whole caseload: ≈ 15 % of the statement.)
 *
 * The caseload is walked from its (small) index and each family looked up by its primary key: SQLite keeps
 * the order a CROSS JOIN gives, PostgreSQL is held to it by a LATERAL join. With a plain join PostgreSQL chose
 * to scan the whole organisation's families and probe the caseload: most families belong to one organisation,
 * so that filter is not selective.
 */
function listedFamilies(db: Db, a: PageArgs, search: Search | null) {
  const scope = relationshipFamilyIds(db, a.principal, a.today, a.scope);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db.with(
    (wb) => wb('u').materialized(),
    (d) => {
      const caseload = postgres
        ? d.selectFrom(scope.as('c')).crossJoinLateral(matchingFamilies(db, a, search, true).as('w'))
        : d
            .selectFrom(scope.as('c'))
            .crossJoin(matchingFamilies(db, a, search, false).as('w'))
            .whereRef('w.id', '=', 'c.family_id');
      let listed = caseload.select(['w.id', 'w.name', 'w.next_follow_up']).select((eb) =>
        eb
          .case()
          // Open routes and overdue referrals are few in any organisation: each is read once as a set (the
          // open-route index, the open-feedback index), not probed per family of the caseload.
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
              .where('ps.date', '>=', a.urgentSince),
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
              .where('rf.feedback_due', '<', a.today),
          )
          .then(2)
          .when('w.next_follow_up', '<', a.today)
          .then(3)
          .when('w.next_follow_up', '=', a.today)
          .then(4)
          .else(5)
          .end()
          .as('urgency'),
      );
      if (a.due === 'today') listed = listed.where('w.next_follow_up', '=', a.today);
      if (a.due === 'overdue') listed = listed.where('w.next_follow_up', '<', a.today);
      if (a.due === 'week') listed = listed.where('w.next_follow_up', '<=', a.weekEnd);
      return listed;
    },
  );
}

/**
 * The page, most urgent first, with the total in the same statement: a count of the materialized `u`, where a
 * window count (`count(*) over ()`) cost SQLite a second pass over the sorted caseload (≈ 70–250 µs a page).
 */
function pageQuery(db: Db, a: PageArgs, search: Search | null) {
  return listedFamilies(db, a, search)
    .selectFrom('u')
    .select(['u.id', 'u.name', 'u.next_follow_up'])
    .select((eb) =>
      eb
        .selectFrom('u as t')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .as('total'),
    )
    .orderBy('u.urgency')
    .orderBy(sql`case when u.next_follow_up is null then 1 else 0 end`)
    .orderBy('u.next_follow_up')
    .orderBy('u.name')
    .orderBy('u.id')
    .offset(a.offset)
    .limit(a.limit);
}

/** The values of a page without a search, bound into its precompiled query. */
type PageParams = {
  userId: string;
  organisationId: string;
  teamId: string | null;
  today: string;
  urgentSince: string;
  weekEnd: string;
  offset: number;
  limit: number;
};

type PrecompiledPage = ReturnType<typeof precompilePage>;
const precompiledPages = new Map<string, PrecompiledPage>();

function precompilePage(shape: {
  role: Principal['role'];
  team: boolean;
  scope: CaseloadScope;
  due: DueFilter;
}) {
  return precompiled(
    (db, p: PageParams) =>
      pageQuery(
        db,
        {
          principal: {
            userId: p.userId,
            role: shape.role,
            organisationId: p.organisationId,
            // Whether there is a team changes the query's shape (a branch more), its id is a value.
            teamId: shape.team ? p.teamId : null,
            sessionIdHash: '',
            displayName: '',
          },
          today: p.today,
          urgentSince: p.urgentSince,
          weekEnd: p.weekEnd,
          scope: shape.scope,
          due: shape.due,
          offset: p.offset,
          limit: p.limit,
        },
        null,
      ),
    // SQLite would prepare the page anew on every run with a bound limit (db/inline-constants.ts).
    { perValue: ['offset', 'limit'] },
  );
}

/**
 * The worklist without a search, precompiled per shape (role, team or none, scope, due filter: a few dozen in
 * all): building and compiling this query with Kysely cost about as much CPU as SQLite spent answering it.
 * A search builds its query per call, from the same definition.
 */
function worklistPage(db: Db, a: PageArgs): CompiledQuery<PageRow> {
  const { principal } = a;
  const shape = { role: principal.role, team: principal.teamId !== null, scope: a.scope, due: a.due };
  const key = `${shape.role}|${shape.team}|${shape.scope}|${shape.due}`;
  let page = precompiledPages.get(key);
  if (!page) {
    page = precompilePage(shape);
    precompiledPages.set(key, page);
  }
  return page.bind(db, {
    userId: principal.userId,
    organisationId: principal.organisationId,
    teamId: principal.teamId,
    today: a.today,
    urgentSince: a.urgentSince,
    weekEnd: a.weekEnd,
    offset: a.offset,
    limit: a.limit,
  });
}

type PageRow = FamilyListRow & { total: string | number };

/**
 * The statement {@link listFamilyPage} runs for `query`, arguments bound; null for a search on a date that does
 * not exist. `precompiled: false` builds it afresh even without a search (tests compare the two).
 */
export function familyPageStatement(
  db: Db,
  query: FamilyListQuery,
  options: { precompiled?: boolean } = {},
): CompiledQuery<PageRow> | null {
  const a = pageArgs(query);
  const search = searchOf(query);
  if (search === 'invalid') return null;
  if (search === null && options.precompiled !== false) return worklistPage(db, a);
  return pageQuery(db, a, search).compile();
}

function pageArgs(query: FamilyListQuery): PageArgs {
  const { today } = query;
  return {
    principal: query.principal,
    today,
    urgentSince: addDays(today, -URGENT_SCREENING_DAYS),
    weekEnd: addDays(today, 7),
    scope: query.scope,
    due: query.due,
    offset: query.offset,
    limit: query.limit,
  };
}

function searchOf(query: FamilyListQuery): Search | 'invalid' | null {
  const q = query.q?.trim();
  if (!q) return null;
  if (query.nationalIdKey !== undefined) return { kind: 'national_id', key: query.nationalIdKey };
  const date = searchDate(q);
  if (date === 'invalid') return 'invalid';
  return date !== null ? { kind: 'date', date } : { kind: 'text', pattern: likePattern(searchKey(q)) };
}

/**
 * One page of the families a professional may see, most urgent first: an open safety route, an urgent
 * screening, overdue referral feedback, an overdue follow-up, a follow-up today; then by the next follow-up
 * (none last). The scope subquery decides which families; the page's details come from
 * `loadListDetails` (list-details.ts) in a fixed number of queries.
 */
export async function listFamilyPage(db: Db, query: FamilyListQuery): Promise<FamilyListPage> {
  const statement = familyPageStatement(db, query);
  if (!statement) return { rows: [], total: 0 };
  const rows = await executeCompiled(db, statement);
  let total = rows[0] ? Number(rows[0].total) : 0;
  // Past the last page the window count has no row to ride on: count separately (rare).
  if (!rows[0] && query.offset > 0) {
    const search = searchOf(query);
    const row = await listedFamilies(db, pageArgs(query), search === 'invalid' ? null : search)
      .selectFrom('u')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    total = Number(row?.n ?? 0);
  }
  return { rows: rows.map(({ id, name, next_follow_up }) => ({ id, name, next_follow_up })), total };
}
