import { expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type ListDetails, loadListDetails, loadListDetailsBySteps } from './list-details.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const TODAY_ISO = '2026-11-23';

/** Rows the queries return in no stated order, sorted, so two reads of the same data compare equal. */
function sorted(details: ListDetails): ListDetails {
  const by = <T>(rows: readonly T[]) =>
    [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    children: by(details.children),
    parents: by(details.parents),
    screenings: by(details.screenings),
    latest: by(details.latest),
    urgentScreenings: by(details.urgentScreenings),
    network: {
      awaitingFeedback: by(details.network.awaitingFeedback),
      openRoutes: by(details.network.openRoutes),
    },
  };
}

// On PostgreSQL `loadListDetails` reads in one statement, on SQLite by steps: on both it must give what the steps give.
forEachDatabase('worklist page details in one statement', (current) => {
  it('gives every page of demo families exactly the details the separate queries give', async () => {
    const { db } = current();
    await loadDemo(db, {
      families: 300,
      seed: 'list-details',
      today: TODAY,
      password: 'correct horse battery',
    });
    const ids = (await db.selectFrom('families').select('id').orderBy('id').execute()).map((r) => r.id);
    // The demo has neither urgent screening outcomes nor safety routes: make one of each, in the first page.
    const screening = await db
      .selectFrom('parent_screenings')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('parent_screenings')
      .set({ outcome: 'urgent', date: '2026-11-20' })
      .where('id', '=', screening.id)
      .execute();
    const user = await db.selectFrom('users').select('id').orderBy('email').executeTakeFirstOrThrow();
    const routeId = '01900000-0000-7000-8000-00000000c001';
    await db
      .insertInto('safety_routes')
      .values({
        id: routeId,
        family_id: ids[0]!,
        region: 'nl',
        route: 'meldcode_veilig_thuis',
        concerns_json: '["zorgen"]',
        status: 'open',
        decision_json: null,
        opened_by: user.id,
        opened_at: '2026-11-20T08:00:00.000Z',
        closed_by: null,
        closed_at: null,
        version: 1,
      })
      .execute();
    for (const step of [1, 2])
      await db
        .insertInto('safety_route_steps')
        .values({
          route_id: routeId,
          step,
          recorded_by: user.id,
          recorded_at: '2026-11-21T08:00:00.000Z',
          notes: 'Stap gezet',
          answers_json: null,
        })
        .execute();
    const seen = { children: 0, parents: 0, screenings: 0, latest: 0, urgent: 0, awaiting: 0, routes: 0 };
    for (let i = 0; i < ids.length; i += 50) {
      const page = ids.slice(i, i + 50);
      const bySteps = await loadListDetailsBySteps(db, page, TODAY_ISO);
      expect(sorted(await loadListDetails(db, page, TODAY_ISO))).toStrictEqual(sorted(bySteps));
      seen.children += bySteps.children.length;
      seen.parents += bySteps.parents.length;
      seen.screenings += bySteps.screenings.length;
      seen.latest += bySteps.latest.length;
      seen.urgent += bySteps.urgentScreenings.length;
      seen.awaiting += bySteps.network.awaitingFeedback.length;
      seen.routes += bySteps.network.openRoutes.length;
    }
    // Every kind of detail was compared with something in it.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
  });

  it('answers an empty page without a query', async () => {
    expect(await loadListDetails(current().db, [], TODAY_ISO)).toStrictEqual(
      await loadListDetailsBySteps(current().db, [], TODAY_ISO),
    );
  });
});
