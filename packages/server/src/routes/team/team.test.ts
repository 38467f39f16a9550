import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { auditRowsOfFamily } from '../../repositories/family-audit-rows.ts';
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

interface Overview {
  today: string;
  nurses: Array<{ userId: string; caseload: number; overdue: number; contactOverdue: number }>;
  families: Array<{
    familyId: string;
    name: string;
    nurseIds: string[];
    overdue: boolean;
    contactOverdue: boolean;
    daysWithoutContact: number | null;
  }>;
  total: number;
  waitingReferrals: unknown[];
}

forEachDatabase('team overview API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let colleague: Actor;
  let lead: Actor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    colleague = await actor(server, db, org, 'nurse');
    lead = await actor(server, db, org, 'team_lead');
    const other = await actor(server, db, org, 'nurse', { team: 'other' });
    const make = async (key: string, holder: { userId: string }, birthDate: string) => {
      const f = await seedFamily(db, org.organisationId, nurse.id, { name: `Overzicht ${key}`, birthDate });
      await relate(db, f.familyId, holder, nurse.id, { start: '2025-06-01' });
      ids[key] = f.familyId;
      return f;
    };
    const baby = await make('Baby', { userId: nurse.id }, '2025-12-01');
    const contact = await nurse.client.post(`/api/families/${baby.familyId}/contacts`, {
      childId: baby.childId,
      type: 'consult',
      date: '2025-12-20',
      status: 'final',
      agreedBand: 'safe',
      cues: {},
      factors: {},
      criteria: {},
      agreement: {
        text: 'Terugkomen',
        nextTopicPermission: false,
        extraContact: false,
        followUpDue: '2026-02-01',
      },
    });
    expect(contact.status, contact.text).toBe(201);
    await make('Peuter', { userId: colleague.id }, '2023-09-01');
    await make('Elders', { userId: other.id }, '2024-01-01');
  });
  afterAll(async () => {
    await server?.close();
  });

  it("shows the team lead each nurse's caseload and the families to act on, audited per family", async () => {
    const res = await lead.client.get('/api/team/overview');
    expect(res.status, res.text).toBe(200);
    const body = res.json as unknown as Overview;
    expect(body.families.map((f) => f.name).sort()).toEqual(['Overzicht Baby', 'Overzicht Peuter']);
    expect(body.total).toBe(2);
    const baby = body.families.find((f) => f.name === 'Overzicht Baby');
    expect(baby).toMatchObject({ nurseIds: [nurse.id], overdue: true, contactOverdue: true });
    expect(body.nurses.find((n) => n.userId === nurse.id)).toMatchObject({ caseload: 1, overdue: 1 });
    expect(body.nurses.find((n) => n.userId === colleague.id)).toMatchObject({ caseload: 1, overdue: 0 });
    expect(await lastAudit(current().db, lead.id)).toMatchObject({
      action: 'team.overview',
      outcome: 'success',
    });
    const row = await current()
      .db.selectFrom('audit_log')
      .select(['seq', 'details_json'])
      .where('user_id', '=', lead.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    // The one hashed row names the families shown; each family's log finds it as a listing.
    expect(JSON.parse(row.details_json ?? '{}').familyIds.sort()).toEqual([ids.Baby, ids.Peuter].sort());
    for (const familyId of [ids.Baby, ids.Peuter]) {
      const listed = await current()
        .db.selectFrom(auditRowsOfFamily(current().db, String(familyId)).as('a'))
        .select(['a.action', 'a.user_id', 'a.seq'])
        .where('a.user_id', '=', lead.id)
        .execute();
      expect(listed).toEqual([{ action: 'team.overview.listed', user_id: lead.id, seq: row.seq }]);
    }
  });

  it('counts a large team caseload whole: every family listed, the figures per nurse over all of them', async () => {
    const db = current().db;
    const big = await createOrg(db);
    const bigNurse = await actor(server, db, big, 'nurse');
    const bigLead = await actor(server, db, big, 'team_lead');
    // More than the overview once read (1,000, in pages of 200): its figures then counted the first 1,000 only.
    const families = 1_050;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < families; i++) {
        const f = await seedFamily(trx, big.organisationId, bigNurse.id, { name: `Groot ${i}` });
        await relate(trx, f.familyId, { userId: bigNurse.id }, bigNurse.id, { start: '2025-06-01' });
      }
    });
    const res = await bigLead.client.get('/api/team/overview');
    expect(res.status, res.text).toBe(200);
    const body = res.json as unknown as Overview;
    expect(body.total).toBe(families);
    expect(body.families).toHaveLength(families);
    expect(new Set(body.families.map((f) => f.familyId)).size).toBe(families);
    expect(body.nurses.find((n) => n.userId === bigNurse.id)?.caseload).toBe(families);
  });

  it('is refused to nurses and analysts, audited', async () => {
    for (const who of [nurse, await actor(server, current().db, org, 'analyst')]) {
      const res = await who.client.get('/api/team/overview');
      expect(res.status).toBe(403);
      expect(await lastAudit(current().db, who.id)).toMatchObject({ action: 'access.denied' });
    }
  });
});
