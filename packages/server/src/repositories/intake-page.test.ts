import { beforeAll, expect, it } from 'vitest';
import { seedIntakeQueue } from '../demo/intake-queue.ts';
import { loadDemo } from '../demo/load.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type IntakeFilter, intakePage } from './intake-page.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const OPEN = ['sent', 'received', 'accepted', 'in_care'];

forEachDatabase('intake page', (current) => {
  let organisationId = '';
  beforeAll(async () => {
    const { db } = current();
    await loadDemo(db, {
      families: 40,
      seed: 'intake-page',
      today: TODAY,
      password: 'correct horse battery',
    });
    organisationId = (await seedIntakeQueue(db, { count: 60, today: TODAY, seed: 'intake-page' }))
      .receiverOrganisationId;
    // Every status, and ties on sent_at that only the id can order.
    const ids = (
      await db
        .selectFrom('referrals')
        .select('id')
        .where('receiver_organisation_id', '=', organisationId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const statuses = ['received', 'accepted', 'in_care', 'declined', 'closed'] as const;
    for (const [i, id] of ids.entries()) {
      const status = i % 3 === 0 ? statuses[(i / 3) % statuses.length] : undefined;
      const tie = i % 4 === 0;
      if (!status && !tie) continue;
      await db
        .updateTable('referrals')
        .set({
          ...(status ? { status } : {}),
          ...(tie ? { sent_at: '2026-11-01T09:00:00.000Z' } : {}),
        })
        .where('id', '=', id)
        .execute();
    }
  });

  /** The page as the definition says: the organisation's referrals that pass the filter, newest first, then by id. */
  async function expected(filter: IntakeFilter, offset: number, limit: number) {
    const { db } = current();
    const all = await db
      .selectFrom('referrals as r')
      .leftJoin('consents as c', 'c.id', 'r.consent_id')
      .select(['r.id', 'r.status', 'r.sent_at', 'r.consent_id', 'c.withdrawn_at as consent_withdrawn'])
      .where('r.receiver_organisation_id', '=', organisationId)
      .execute();
    const passing = all
      .filter((r) => filter === 'all' || (filter === 'open' ? OPEN.includes(r.status) : r.status === filter))
      .sort((a, b) =>
        a.sent_at === b.sent_at ? (a.id < b.id ? 1 : -1) : String(a.sent_at) < String(b.sent_at) ? 1 : -1,
      );
    return { rows: passing.slice(offset, offset + limit), total: passing.length };
  }

  it('answers each filter’s page, newest first (ties by id), with the total, on every page and past the last', async () => {
    const { db } = current();
    for (const filter of ['all', 'open', 'accepted', 'closed', 'declined', 'sent'] as IntakeFilter[])
      for (const [offset, limit] of [
        [0, 7],
        [7, 7],
        [14, 50],
        [200, 10],
      ] as const) {
        const page = await intakePage(db, { organisationId, filter, offset, limit });
        const want = await expected(filter, offset, limit);
        expect(page.total, `${filter} ${offset}`).toBe(want.total);
        expect(
          page.rows.map((r) => ({
            id: r.id,
            status: r.status,
            sent_at: r.sent_at,
            consent_id: r.consent_id,
            consent_withdrawn: r.consent_withdrawn,
          })),
          `${filter} ${offset}`,
        ).toEqual(want.rows);
      }
    // The fixture has what the cases need: more than one page, ties, and a filter with nothing in it.
    expect((await expected('all', 0, 1000)).total).toBeGreaterThanOrEqual(60);
    expect((await expected('in_care', 0, 1000)).total).toBeGreaterThan(0);
  });

  it('sees nothing of another organisation', async () => {
    const { db } = current();
    const other = await intakePage(db, {
      organisationId: 'no-such-organisation',
      filter: 'all',
      offset: 0,
      limit: 50,
    });
    expect(other).toEqual({ rows: [], total: 0 });
  });
});
