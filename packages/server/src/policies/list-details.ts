import { type CaregiverRole, SCREENED_ROLES } from '@nestwerk/knowledge';
import { PostgresAdapter } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { idListValue, inIdList } from '../db/id-list.ts';
import { precompiled } from '../db/precompiled.ts';
import type { Band } from '../db/schema.ts';
import type { Db } from '../repositories/db.ts';
import {
  awaitingFeedbackOfQuery,
  type ListNetworkDetails,
  listNetworkDetails,
  loadListNetworkDetails,
  openRoutesOfQuery,
} from '../repositories/list-network.ts';
import { screeningDatesOf, screeningDatesOfFamiliesQuery } from '../repositories/parent-screenings.ts';
import { addDays } from './calendar.ts';
import { URGENT_SCREENING_DAYS } from './family-list.ts';

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

// A page's details, precompiled: the page's ids are one bound value (db/id-list.ts), so the text is fixed.
export function childrenOfQuery(db: Db, ids: unknown) {
  return db
    .selectFrom('persons')
    .select(['id', 'family_id', 'given_name', 'birth_date', 'due_date'])
    .where(inIdList(db, 'family_id', ids))
    .where('kind', '=', 'child')
    .orderBy('family_id')
    .orderBy('birth_date')
    .orderBy('id');
}
const childrenOf = precompiled((db, p: { ids: unknown }) => childrenOfQuery(db, p.ids));

export function screenedParentsOfQuery(db: Db, ids: unknown) {
  return db
    .selectFrom('persons')
    .select(['id', 'family_id', 'caregiver_role'])
    .where(inIdList(db, 'family_id', ids))
    .where('kind', '=', 'caregiver')
    .where('caregiver_role', 'in', [...SCREENED_ROLES]);
}
const screenedParentsOf = precompiled((db, p: { ids: unknown }) => screenedParentsOfQuery(db, p.ids));

// The latest contact per family by an index seek each (contacts by family and date), not a sort of all.
export function latestContactOfQuery(db: Db, ids: unknown) {
  return db
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
        .where(inIdList(db, 'f.id', ids)),
    );
}
const latestContactOf = precompiled((db, p: { ids: unknown }) => latestContactOfQuery(db, p.ids));

export function urgentScreeningsOfQuery(db: Db, ids: unknown, since: string) {
  return db
    .selectFrom('parent_screenings')
    .select('family_id')
    .distinct()
    .where(inIdList(db, 'family_id', ids))
    .where('date', '>=', since)
    .where('outcome', '=', 'urgent');
}
const urgentScreeningsOf = precompiled((db, p: { ids: unknown; since: string }) =>
  urgentScreeningsOfQuery(db, p.ids, p.since),
);

/** Children, screened parents, their screening dates and the latest contact of one page of families: no N+1. */
const NONE: ListDetails = {
  children: [],
  parents: [],
  screenings: [],
  latest: [],
  urgentScreenings: [],
  network: { awaitingFeedback: [], openRoutes: [] },
};

export async function loadListDetails(db: Db, familyIds: string[], today: string): Promise<ListDetails> {
  if (familyIds.length === 0) return NONE;
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return loadListDetailsBySteps(db, familyIds, today);
  // One round trip instead of seven (see detailsAtOnce).
  const ids = idListValue(db, familyIds);
  const [row] = await detailsAtOnce.execute(db, { ids, since: addDays(today, -URGENT_SCREENING_DAYS) });
  if (!row) throw new Error('a select without FROM answered no row');
  return {
    children: row.children,
    parents: row.parents,
    screenings: row.screenings,
    latest: row.latest,
    urgentScreenings: row.urgent.map((u) => u.family_id),
    network: listNetworkDetails(row.awaiting, row.routes),
  };
}

/** The details one query at a time: SQLite's way, and the reference the one-statement form is tested against. */
export async function loadListDetailsBySteps(
  db: Db,
  familyIds: string[],
  today: string,
): Promise<ListDetails> {
  if (familyIds.length === 0) return NONE;
  const ids = idListValue(db, familyIds);
  const since = addDays(today, -URGENT_SCREENING_DAYS);
  const [children, parents, screenings, latest, urgent, network] = await Promise.all([
    childrenOf.execute(db, { ids }),
    screenedParentsOf.execute(db, { ids }),
    screeningDatesOf(db, familyIds),
    latestContactOf.execute(db, { ids }),
    urgentScreeningsOf.execute(db, { ids, since }),
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

/**
 * PostgreSQL: the seven detail queries as JSON subqueries of one statement, like the family file
 * (repositories/family-file-at-once.ts): each statement is a round trip that wakes the database and then the
 * server. `list-details.test.ts` holds it equal to the seven statements.
 */
const detailsAtOnce = precompiled((db, p: { ids: unknown; since: string }) =>
  db.selectNoFrom([
    jsonArrayFrom(childrenOfQuery(db, p.ids)).as('children'),
    jsonArrayFrom(screenedParentsOfQuery(db, p.ids)).as('parents'),
    jsonArrayFrom(screeningDatesOfFamiliesQuery(db, p.ids)).as('screenings'),
    jsonArrayFrom(latestContactOfQuery(db, p.ids)).as('latest'),
    jsonArrayFrom(urgentScreeningsOfQuery(db, p.ids, p.since)).as('urgent'),
    jsonArrayFrom(awaitingFeedbackOfQuery(db, p.ids)).as('awaiting'),
    jsonArrayFrom(openRoutesOfQuery(db, p.ids)).as('routes'),
  ]),
);
