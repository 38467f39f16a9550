import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, relate, seedFamily } from '../../testing/world.ts';

interface Item {
  name: string;
  nextFollowUp: string | null;
  flags: Record<string, boolean>;
  balance: { hindering: number; protective: number; tilt: string } | null;
  safetyRoute: { id: string } | null;
}

// The test clock's today is 2026-03-02.
forEachDatabase('worklist: most urgent first, today, balance and forgiving search', (current) => {
  let server: TestServer;
  let nurse: Actor;
  const ids: Record<string, { familyId: string; childId: string }> = {};

  async function contact(familyId: string, childId: string, followUpDue: string, factors: object = {}) {
    const res = await nurse.client.post(`/api/families/${familyId}/contacts`, {
      childId,
      type: 'consult',
      date: '2026-02-20',
      status: 'final',
      agreedBand: 'safe',
      cues: {},
      factors,
      criteria: {},
      agreement: { text: 'Terugkomen', nextTopicPermission: false, extraContact: false, followUpDue },
    });
    if (res.status !== 201) throw new Error(res.text);
  }

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    const make = async (name: string, birthDate?: string) => {
      const f = await seedFamily(db, org.organisationId, nurse.id, { name, birthDate });
      await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
      ids[name] = f;
      return f;
    };
    const later = await make('Later');
    await contact(later.familyId, later.childId, '2026-04-01');
    const overdue = await make('Achter');
    await contact(overdue.familyId, overdue.childId, '2026-02-25');
    const today = await make('Vandaag');
    // Two burdens, but strengths that outweigh them: cumulative risk by the guideline, not a warning here.
    await contact(today.familyId, today.childId, '2026-03-02', {
      low_social_support: { value: 'present', reportedBy: 'parent' },
      frequent_moves: { value: 'present', reportedBy: 'parent' },
      parent_mental_health: { value: 'present', reportedBy: 'parent' },
      parenting_confidence: { value: 'present', reportedBy: 'parent' },
      warm_authoritative_parenting: { value: 'present', reportedBy: 'parent' },
      stable_sufficient_income: { value: 'present', reportedBy: 'parent' },
      accepts_support: { value: 'present', reportedBy: 'parent' },
      community_involvement: { value: 'present', reportedBy: 'parent' },
      completed_education: { value: 'present', reportedBy: 'parent' },
      warm_family_climate: { value: 'present', reportedBy: 'parent' },
    });
    const route = await make('Route');
    await contact(route.familyId, route.childId, '2026-05-01');
    const opened = await nurse.client.post(`/api/families/${route.familyId}/safety-route`, {
      concerns: ['neglect'],
    });
    if (opened.status !== 201) throw new Error(opened.text);
    await make('Koç', '2025-03-04');
  });
  afterAll(async () => {
    await server?.close();
  });

  const list = async (query = '') => {
    const res = await nurse.client.get(`/api/worklist${query}`);
    expect(res.status).toBe(200);
    return (res.json?.items ?? []) as Item[];
  };

  it('puts an open safety route first, then an overdue follow-up, then today, then the rest', async () => {
    const items = await list();
    expect(items.map((i) => i.name)).toEqual(['Route', 'Achter', 'Vandaag', 'Later', 'Koç']);
    expect(items[0]).toMatchObject({ flags: { safety: true, safetySignals: false } });
    for (const item of items.slice(1))
      expect(item).toMatchObject({ flags: { safety: false }, safetyRoute: null });
  });

  it('marks and filters the families due today', async () => {
    const items = await list('?due=today');
    expect(items.map((i) => i.name)).toEqual(['Vandaag']);
    expect(items[0]?.flags.dueToday).toBe(true);
    expect((await list()).find((i) => i.name === 'Achter')?.flags.dueToday).toBe(false);
  });

  it('shows the balance, and no cumulative-risk warning when strengths outweigh the burdens', async () => {
    const today = (await list()).find((i) => i.name === 'Vandaag');
    expect(today?.balance).toMatchObject({ hindering: 2, tilt: 'strength_outweighs' });
    expect(today?.balance?.protective).toBeGreaterThanOrEqual(6);
    expect(today?.flags.cumulativeRisk).toBe(false);
    expect((await list()).find((i) => i.name === 'Koç')?.balance).toBeNull();
  });

  it('searches without case or diacritics, and by dates as dd-mm-jjjj or yyyy-mm-dd, audited', async () => {
    for (const q of ['koc', 'KOÇ', 'Koc', 'noor koc'])
      expect(
        (await list(`?q=${encodeURIComponent(q)}`)).map((i) => i.name),
        q,
      ).toEqual(['Koç']);
    for (const q of ['04-03-2025', '4-3-2025', '04/03/2025', '2025-03-04'])
      expect(
        (await list(`?q=${encodeURIComponent(q)}`)).map((i) => i.name),
        q,
      ).toEqual(['Koç']);
    expect(await list(`?q=${encodeURIComponent('31-02-2025')}`)).toEqual([]);
    const search = await nurse.client.get(`/api/families?q=${encodeURIComponent('KOC')}`);
    expect(((search.json?.items ?? []) as Item[]).map((i) => i.name)).toEqual(['Koç']);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({ action: 'family.search' });
  });

  it('finds a child renamed to a name with diacritics by the plain spelling', async () => {
    const { familyId, childId } = ids.Later!;
    const file = await nurse.client.get(`/api/families/${familyId}`);
    const child = ((file.json?.children ?? []) as Array<{ id: string; version: number }>).find(
      (c) => c.id === childId,
    );
    const res = await nurse.client.request('PATCH', `/api/persons/${childId}`, {
      body: {
        version: child?.version,
        givenName: 'Zoë',
      },
    });
    expect(res.status, res.text).toBe(200);
    expect((await list('?q=zoe')).map((i) => i.name)).toEqual(['Later']);
  });
});
