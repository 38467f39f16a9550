import { idListValue, inIdList } from '../db/id-list.ts';
import { precompiled } from '../db/precompiled.ts';
import type { Db } from './db.ts';
import { FEEDBACK_SETTLED } from './referrals.ts';

/** What the worklist shows of the network per family: overdue referral feedback and an open safety route. */
export interface ListNetworkDetails {
  /** Sent referrals still waiting for feedback, with their due dates (overdue is decided against "today"). */
  awaitingFeedback: Array<{ family_id: string; feedback_due: string }>;
  /** Open safety routes and how many steps they have. */
  openRoutes: Array<{ family_id: string; id: string; steps_done: number | string | null }>;
}

/** Precompiled, like the rest of a worklist page: the ids are one bound value (db/id-list.ts). */
export function awaitingFeedbackOfQuery(db: Db, ids: unknown) {
  return db
    .selectFrom('referrals')
    .select(['family_id', 'feedback_due'])
    .where(inIdList(db, 'family_id', ids))
    .where('status', 'not in', [...FEEDBACK_SETTLED])
    .where('feedback_received_at', 'is', null)
    .where('feedback_due', 'is not', null);
}
const awaitingFeedbackOf = precompiled((db, p: { ids: unknown }) => awaitingFeedbackOfQuery(db, p.ids));

export function openRoutesOfQuery(db: Db, ids: unknown) {
  return db
    .selectFrom('safety_routes as r')
    .select((eb) => [
      'r.family_id',
      'r.id',
      eb
        .selectFrom('safety_route_steps as s')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('s.route_id', '=', 'r.id')
        .as('steps_done'),
    ])
    .where(inIdList(db, 'r.family_id', ids))
    .where('r.status', '=', 'open');
}
const openRoutesOf = precompiled((db, p: { ids: unknown }) => openRoutesOfQuery(db, p.ids));

/** Two queries for a page of families, no N+1. */
export async function loadListNetworkDetails(db: Db, familyIds: string[]): Promise<ListNetworkDetails> {
  const ids = idListValue(db, familyIds);
  const [awaiting, routes] = await Promise.all([
    awaitingFeedbackOf.execute(db, { ids }),
    openRoutesOf.execute(db, { ids }),
  ]);
  return listNetworkDetails(awaiting, routes);
}

/** The worklist's network details from the rows of the two queries above, however they were read. */
export function listNetworkDetails(
  awaiting: ReadonlyArray<{ family_id: string; feedback_due: string | null }>,
  routes: ListNetworkDetails['openRoutes'],
): ListNetworkDetails {
  return {
    awaitingFeedback: awaiting.flatMap((a) =>
      a.feedback_due === null ? [] : [{ family_id: a.family_id, feedback_due: a.feedback_due }],
    ),
    openRoutes: routes,
  };
}
