import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import {
  type Actor,
  actor,
  createOrg,
  lastAudit,
  type Org,
  relate,
  seedFamily,
} from '../../testing/world.ts';

interface Item {
  familyId: string;
  name: string;
  nextFollowUp: string | null;
  overdue: boolean;
  flags: { cumulativeRisk: boolean; problematicSuspected: boolean; safety: boolean; safetySignals: boolean };
  lastContact: string | null;
  children: Array<{ id: string; givenName: string }>;
}

forEachDatabase('worklist API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let colleague: Actor;
  let lead: Actor;
  const ids: Record<string, string> = {};

  async function contact(
    a: Actor,
    familyId: string,
    childId: string,
    followUpDue: string,
    extra: object = {},
  ) {
    const res = await a.client.post(`/api/families/${familyId}/contacts`, {
      childId,
      type: 'consult',
      date: '2026-02-20',
      status: 'final',
      agreedBand: 'safe',
      cues: {},
      factors: {},
      criteria: {},
      agreement: {
        text: 'Terugkomen op slapen',
        nextTopicPermission: false,
        extraContact: false,
        followUpDue,
      },
      ...extra,
    });
    if (res.status !== 201) throw new Error(res.text);
  }

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    colleague = await actor(server, db, org, 'nurse');
    lead = await actor(server, db, org, 'team_lead');
    const make = async (key: string, holder: { userId: string } | { teamId: string }) => {
      const f = await seedFamily(db, org.organisationId, nurse.id, { name: `Werklijst ${key}` });
      await relate(db, f.familyId, holder, nurse.id);
      ids[key] = f.familyId;
      return f;
    };
    const overdue = await make('Achter', { userId: nurse.id });
    await contact(nurse, overdue.familyId, overdue.childId, '2026-02-25', {
      factors: {
        parent_depression: { value: 'present', reportedBy: 'parent' },
        domestic_violence: { value: 'present', reportedBy: 'professional' },
      },
    });
    const soon = await make('Binnenkort', { userId: nurse.id });
    await contact(nurse, soon.familyId, soon.childId, '2026-03-05');
    const later = await make('Later', { userId: nurse.id });
    await contact(nurse, later.familyId, later.childId, '2026-05-01');
    await make('Geen', { userId: nurse.id });
    await make('Team', { teamId: org.teamId });
    const theirs = await make('Collega', { userId: colleague.id });
    await contact(colleague, theirs.familyId, theirs.childId, '2026-03-03');
  });
  afterAll(async () => {
    await server?.close();
  });

  const names = (items: unknown) => (items as Item[]).map((i) => i.name);

  it('lists my families, earliest follow-up first, with overdue and flags from the latest assessment', async () => {
    const res = await nurse.client.get('/api/worklist');
    expect(res.status).toBe(200);
    expect(res.json?.total).toBe(4);
    expect(names(res.json?.items)).toEqual([
      'Werklijst Achter',
      'Werklijst Binnenkort',
      'Werklijst Later',
      'Werklijst Geen',
    ]);
    const first = ((res.json?.items ?? []) as Item[])[0];
    expect(first).toMatchObject({
      nextFollowUp: '2026-02-25',
      overdue: true,
      // Domestic violence recorded, no route opened: signals, and "Veiligheidsroute" exactly false.
      flags: { cumulativeRisk: true, safety: false, safetySignals: true },
      safetyRoute: null,
      lastContact: '2026-02-20',
      children: [{ givenName: 'Noor' }],
    });
    expect(((res.json?.items ?? []) as Item[])[3]).toMatchObject({
      nextFollowUp: null,
      overdue: false,
      lastContact: null,
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'worklist.read',
      outcome: 'success',
    });
  });

  it('filters by due date and pages with a total', async () => {
    expect(names((await nurse.client.get('/api/worklist?due=overdue')).json?.items)).toEqual([
      'Werklijst Achter',
    ]);
    expect(names((await nurse.client.get('/api/worklist?due=week')).json?.items)).toEqual([
      'Werklijst Achter',
      'Werklijst Binnenkort',
    ]);
    const page = await nurse.client.get('/api/worklist?offset=1&limit=2');
    expect(page.json).toMatchObject({ total: 4 });
    expect(names(page.json?.items)).toEqual(['Werklijst Binnenkort', 'Werklijst Later']);
    expect((await nurse.client.get('/api/worklist?offset=10')).json).toEqual({ items: [], total: 4 });
    expect(names((await nurse.client.get('/api/worklist?q=later')).json?.items)).toEqual(['Werklijst Later']);
  });

  it("shows the team's caseload: team relationships for everyone, colleagues' own ones for the team lead", async () => {
    expect(names((await nurse.client.get('/api/worklist?scope=team')).json?.items)).toEqual([
      'Werklijst Team',
    ]);
    expect(names((await lead.client.get('/api/worklist?scope=team')).json?.items)).toEqual([
      'Werklijst Achter',
      'Werklijst Collega',
      'Werklijst Binnenkort',
      'Werklijst Later',
      'Werklijst Geen',
      'Werklijst Team',
    ]);
    expect((await lead.client.get('/api/worklist?scope=mine')).json).toEqual({ items: [], total: 0 });
  });

  it('is refused to roles without family content', async () => {
    const analyst = await actor(server, current().db, org, 'analyst');
    const res = await analyst.client.get('/api/worklist');
    expect(res.status).toBe(403);
    expect(await lastAudit(current().db, analyst.id)).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
    });
  });

  it('rejects bad query parameters by name', async () => {
    expect((await nurse.client.get('/api/worklist?scope=all')).json).toMatchObject({ field: 'scope' });
    expect((await nurse.client.get('/api/worklist?limit=5000')).json).toMatchObject({ field: 'limit' });
    expect((await nurse.client.get('/api/worklist?offset=-1')).json).toMatchObject({ field: 'offset' });
  });
});
