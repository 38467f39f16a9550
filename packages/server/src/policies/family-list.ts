import { type CaregiverRole, SCREENED_ROLES } from '@nestwerk/knowledge';
import { sql } from 'kysely';
import type { Band } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import type { Db } from '../repositories/db.ts';
import { type ListNetworkDetails, loadListNetworkDetails } from '../repositories/list-network.ts';
import { screeningDatesOf } from '../repositories/parent-screenings.ts';
import { addDays } from './calendar.ts';
import { type CaseloadScope, relationshipFamilyIds } from './family-scope.ts';

export type DueFilter = 'overdue' | 'week' | 'all';

export interface FamilyListQuery {
  principal: Principal;
  today: string;
  scope: CaseloadScope;
  q: string | undefined;
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the families a professional may see, sorted by the next open follow-up (earliest first, none
 * last), with the total in the same query (a window count). The scope subquery decides which families;
 * the page's details come from {@link loadListDetails} in a fixed number of queries.
 */
export async function listFamilyPage(db: Db, query: FamilyListQuery): Promise<FamilyListPage> {
  const { principal, today } = query;
  const scope = relationshipFamilyIds(db, principal, today, query.scope);

  // CROSS JOIN is SQLite's join-order hint: walk the (small) caseload and look each family up by id, never
  // the whole organisation's families probing the caseload. PostgreSQL plans it as the inner join it is.
  let base = db
    .selectFrom(scope.as('s'))
    .crossJoin('families as f')
    .whereRef('f.id', '=', 's.family_id')
    .where('f.organisation_id', '=', principal.organisationId)
    .select((eb) => [
      'f.id',
      'f.name',
      eb
        .selectFrom('agreements as ag')
        .select((e) => e.fn.min('ag.follow_up_due').as('d'))
        .whereRef('ag.family_id', '=', 'f.id')
        .where('ag.status', '=', 'open')
        .as('next_follow_up'),
    ]);

  const q = query.q?.trim();
  if (q) {
    base = DATE.test(q)
      ? base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('persons as p')
              .select('p.id')
              .whereRef('p.family_id', '=', 'f.id')
              .where('p.kind', '=', 'child')
              .where((e) => e.or([e('p.birth_date', '=', q), e('p.due_date', '=', q)])),
          ),
        )
      : base.where((eb) => {
          const pattern = likePattern(q);
          return eb.or([
            eb(sql`lower(f.name)`, 'like', sql`${pattern} escape '\\'`),
            eb.exists(
              eb
                .selectFrom('persons as p')
                .select('p.id')
                .whereRef('p.family_id', '=', 'f.id')
                .where('p.kind', '=', 'child')
                .where(sql<boolean>`lower(p.given_name || ' ' || p.family_name) like ${pattern} escape '\\'`),
            ),
          ]);
        });
  }

  // The follow-up filter works on the computed column, so the page is taken from a wrapping select.
  let filtered = db.selectFrom(base.as('w')).select(['w.id', 'w.name', 'w.next_follow_up']);
  if (query.due === 'overdue') filtered = filtered.where('w.next_follow_up', '<', today);
  if (query.due === 'week') filtered = filtered.where('w.next_follow_up', '<=', addDays(today, 7));
  const rows = await filtered
    .select((eb) => eb.fn.countAll<string | number>().over().as('total'))
    .orderBy(sql`case when w.next_follow_up is null then 1 else 0 end`)
    .orderBy('w.next_follow_up')
    .orderBy('w.name')
    .orderBy('w.id')
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
  /** Referrals awaiting feedback and open safety routes, so the worklist can flag them. */
  network: ListNetworkDetails;
}

/** Children, screened parents, their screening dates and the latest contact of one page of families: no N+1. */
export async function loadListDetails(db: Db, familyIds: string[]): Promise<ListDetails> {
  if (familyIds.length === 0)
    return {
      children: [],
      parents: [],
      screenings: [],
      latest: [],
      network: { awaitingFeedback: [], openRoutes: [] },
    };
  const [children, parents, screenings, latest, network] = await Promise.all([
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
    loadListNetworkDetails(db, familyIds),
  ]);
  return { children, parents, screenings, latest, network };
}
