import { daysBetween } from '@nestwerk/engine';
import { v7 as uuid } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { auditRowsOfFamily } from '../../repositories/family-audit-rows.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { concerningContact, ok, seedPartner } from '../../testing/network-world.ts';
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
    urgentScreening: boolean;
    overdueFeedback: number;
  }>;
  total: number;
  waitingReferrals: Array<{ familyId: string; familyName: string; partnerName: string; overdue: boolean }>;
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

  it('names the current nurses, counts care from its first relationship, flags urgent screenings and waiting referrals', async () => {
    const db = current().db;
    const own = await createOrg(db);
    const holder = await actor(server, db, own, 'nurse');
    const former = await actor(server, db, own, 'nurse');
    const ownLead = await actor(server, db, own, 'team_lead');
    const family = async (name: string) => {
      const f = await seedFamily(db, own.organisationId, holder.id, { name, birthDate: '2023-01-01' });
      await relate(db, f.familyId, { userId: holder.id }, holder.id, { start: '2025-06-01' });
      return f;
    };
    // In care since January: first with a nurse who has since stopped, then with the team, now with one nurse.
    const handedOn = await family('Overgedragen');
    await relate(db, handedOn.familyId, { userId: former.id }, holder.id, {
      start: '2025-01-01',
      end: '2025-05-31',
    });
    await relate(db, handedOn.familyId, { teamId: own.teamId }, holder.id, { start: '2025-03-01' });
    // A parent's urgent outcome counts while it is her latest screening, not once a later one says otherwise.
    const urgent = await family('Urgent');
    const settled = await family('Gerustgesteld');
    const screen = (
      f: { familyId: string; caregiverId: string },
      date: string,
      outcome: 'urgent' | 'no_concern',
    ) =>
      db
        .insertInto('parent_screenings')
        .values({
          id: uuid(),
          family_id: f.familyId,
          person_id: f.caregiverId,
          contact_id: null,
          instrument: 'epds',
          date,
          answers_json: '{}',
          total: null,
          item10: null,
          outcome,
          result_json: '{}',
          created_by: holder.id,
          created_at: `${date}T10:00:00.000Z`,
        })
        .execute();
    await screen(urgent, '2025-07-01', 'no_concern');
    await screen(urgent, '2025-08-01', 'urgent');
    await screen(settled, '2025-07-01', 'urgent');
    await screen(settled, '2025-08-01', 'no_concern');
    // A referral sent and not answered waits; a draft does not.
    const referred = await family('Doorverwezen');
    const partnerId = await seedPartner(db, own.organisationId, {
      name: 'IMH Utrecht',
      kind: 'imh_specialist',
    });
    await concerningContact(holder, referred);
    const body = {
      partnerId,
      consent: { givenBy: referred.caregiverId, purpose: 'Aanmelding', validUntil: '2026-12-31' },
    };
    ok(await holder.client.post(`/api/families/${referred.familyId}/referrals`, body), 201);
    const toSend = ok(await holder.client.post(`/api/families/${referred.familyId}/referrals`, body), 201);
    ok(
      await holder.client.post(`/api/referrals/${toSend.id}/send`, {
        version: toSend.version,
        channel: 'phone',
      }),
    );
    // Its feedback date has passed: the reason the family is listed before the overdue follow-ups.
    await db
      .updateTable('referrals')
      .set({ feedback_due: '2025-01-01' })
      .where('id', '=', String(toSend.id))
      .execute();

    const res = await ownLead.client.get('/api/team/overview');
    expect(res.status, res.text).toBe(200);
    const body2 = res.json as unknown as Overview;
    const byName = new Map(body2.families.map((f) => [f.name, f]));
    expect(byName.get('Overgedragen')).toMatchObject({
      nurseIds: [holder.id],
      daysWithoutContact: daysBetween('2025-01-01', body2.today),
    });
    expect(body2.nurses.map((n) => n.userId).sort()).toEqual([holder.id, former.id].sort());
    expect(body2.nurses.find((n) => n.userId === former.id)).toMatchObject({ caseload: 0 });
    expect(body2.nurses.find((n) => n.userId === holder.id)).toMatchObject({ caseload: 4 });
    expect(byName.get('Urgent')?.urgentScreening).toBe(true);
    expect(byName.get('Gerustgesteld')?.urgentScreening).toBe(false);
    expect(byName.get('Overgedragen')?.urgentScreening).toBe(false);
    expect(body2.waitingReferrals).toEqual([
      expect.objectContaining({
        familyId: referred.familyId,
        familyName: 'Doorverwezen',
        partnerName: 'IMH Utrecht',
        overdue: true,
      }),
    ]);
    expect(byName.get('Doorverwezen')?.overdueFeedback).toBe(1);
    expect(byName.get('Urgent')?.overdueFeedback).toBe(0);
  });

  it('is refused to nurses and analysts, audited', async () => {
    for (const who of [nurse, await actor(server, current().db, org, 'analyst')]) {
      const res = await who.client.get('/api/team/overview');
      expect(res.status).toBe(403);
      expect(await lastAudit(current().db, who.id)).toMatchObject({ action: 'access.denied' });
    }
  });
});
