import { DEFAULT_PERINATAL_THRESHOLDS } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type Json = Record<string, unknown>;

// The test clock's today is 2026-03-02.
forEachDatabase('parent screenings API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let lead: Actor;
  let otherLead: Actor;
  let otherNurse: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
    lead = await actor(server, current().db, org, 'team_lead');
    otherLead = await actor(server, current().db, org, 'team_lead', { team: 'other' });
    otherNurse = await actor(server, current().db, org, 'nurse', { team: 'other' });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function family(options: { birthDate?: string; dueDate?: string } = {}) {
    const f = await seedFamily(current().db, org.organisationId, nurse.id, options);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const fatherId = uuid();
    const at = new Date().toISOString();
    await current()
      .db.insertInto('persons')
      .values({
        id: fatherId,
        family_id: f.familyId,
        kind: 'caregiver',
        given_name: 'Bram',
        family_name: f.name,
        search_key: `bram ${f.name.toLowerCase()}`,
        birth_date: null,
        due_date: null,
        first_child: null,
        caregiver_role: 'father',
        birth_year: 1990,
        low_education: 0,
        phone: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    return { ...f, motherId: f.caregiverId, fatherId };
  }

  const post = (f: { familyId: string }, body: Json, who: Actor = nurse) =>
    who.client.post(`/api/families/${f.familyId}/screenings`, body);

  it('records a screening with the outcome the engine gives, and lists it per parent, newest first', async () => {
    const f = await family({ birthDate: '2026-01-15' });
    const whooley = await post(f, {
      personId: f.motherId,
      instrument: 'whooley',
      date: '2026-02-26',
      answers: [true, false],
    });
    expect(whooley.status).toBe(201);
    expect(whooley.json).toMatchObject({
      personId: f.motherId,
      role: 'mother',
      instrument: 'whooley',
      answers: [true, false],
      total: 1,
      outcome: 'screen_further',
    });
    const epds = await post(f, {
      personId: f.motherId,
      instrument: 'epds',
      date: '2026-02-27',
      total: 14,
      item10: 0,
    });
    expect(epds.status).toBe(201);
    expect(epds.json).toMatchObject({
      instrument: 'epds',
      total: 14,
      item10: 0,
      outcome: 'clinical_assessment',
    });
    expect((epds.json as { sources: unknown[] }).sources.length).toBeGreaterThan(0);
    const gad7 = await post(f, {
      personId: f.motherId,
      instrument: 'gad_7',
      date: '2026-02-27',
      items: [2, 2, 2, 1, 1, 1, 2],
    });
    expect(gad7.json).toMatchObject({ total: 11, items: [2, 2, 2, 1, 1, 1, 2], outcome: 'rescreen' });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'screening.create',
      outcome: 'success',
      family_id: f.familyId,
    });

    const list = await nurse.client.get(`/api/families/${f.familyId}/screenings`);
    expect(list.status).toBe(200);
    const groups = (list.json as { screenings: { personId: string; screenings: { instrument: string }[] }[] })
      .screenings;
    const mother = groups.find((g) => g.personId === f.motherId);
    expect(mother?.screenings.map((s) => s.instrument)).toEqual(['gad_7', 'epds', 'whooley']);
    expect(groups.find((g) => g.personId === f.fatherId)?.screenings).toEqual([]);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'screening.list',
      family_id: f.familyId,
    });

    const file = await nurse.client.get(`/api/families/${f.familyId}`);
    expect((file.json as { screenings: unknown[] }).screenings).toEqual(groups);
  });

  it("a father's EPDS of 11 is a clinical assessment for him alone (lower cut-off for fathers)", async () => {
    const f = await family({ birthDate: '2026-01-15' });
    const res = await post(f, {
      personId: f.fatherId,
      instrument: 'epds',
      date: '2026-03-01',
      total: 11,
      item10: 0,
    });
    expect(res.json).toMatchObject({ role: 'father', outcome: 'clinical_assessment' });
    const mother = await post(f, {
      personId: f.motherId,
      instrument: 'epds',
      date: '2026-03-01',
      total: 11,
      item10: 0,
    });
    expect(mother.json).toMatchObject({ role: 'mother', outcome: 'rescreen' });
  });

  it('answers 400 naming the field for bad answers', async () => {
    const f = await family();
    const field = async (body: Json) => {
      const res = await post(f, { personId: f.motherId, date: '2026-03-01', ...body });
      expect(res.status).toBe(400);
      return (res.json as { field?: string }).field;
    };
    expect(await field({ instrument: 'whooley', answers: [true] })).toBe('answers');
    expect(await field({ instrument: 'gad_2', total: 7 })).toBe('total');
    expect(await field({ instrument: 'epds', total: 31, item10: 0 })).toBe('total');
    expect(await field({ instrument: 'epds', total: 12 })).toBe('item10');
    expect(await field({ instrument: 'epds', items: [1, 1, 1] })).toBe('items');
    expect(await field({ instrument: 'phq_9' })).toBe('total');
    expect(await field({ instrument: 'hads', total: 3 })).toBe('instrument');
    // A grandmother, or the child, is not screened here.
    expect(await field({ personId: f.childId, instrument: 'gad_2', total: 1 })).toBe('personId');
    expect(await field({ instrument: 'gad_2', total: 1, date: '2026-03-09' })).toBe('date');
  });

  it('answers 404 across teams, exactly like the other family routes', async () => {
    const f = await family();
    const body = { personId: f.motherId, instrument: 'gad_2', date: '2026-03-01', total: 1 };
    const screening = await post(f, body, otherNurse);
    const list = await otherNurse.client.get(`/api/families/${f.familyId}/screenings`);
    const read = await otherNurse.client.get(`/api/families/${f.familyId}`);
    expect(read.status).toBe(404);
    expect(screening.status).toBe(404);
    expect(list.status).toBe(404);
    expect(screening.json).toEqual(read.json);
    expect(list.json).toEqual(read.json);
    const missing = await post({ familyId: uuid() }, body);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(read.json);
  });

  it('an urgent outcome (EPDS item 10 > 0) notifies the team lead of the team at once and is recorded', async () => {
    const f = await family({ birthDate: '2026-01-15' });
    const res = await post(f, {
      personId: f.motherId,
      instrument: 'epds',
      date: '2026-03-02',
      total: 6,
      item10: 1,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ outcome: 'urgent', item10: 1 });
    const audit = await lastAudit(current().db, nurse.id);
    expect(audit).toMatchObject({ action: 'screening.create', outcome: 'success' });
    expect(JSON.parse(audit?.details_json ?? '{}')).toMatchObject({
      outcome: 'urgent',
      urgent: true,
      notifiedTeamLeads: [lead.id],
    });
    const mine = await lead.client.get('/api/notifications');
    const items = (mine.json as { items: { kind: string; familyId: string | null }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'urgent_screening', familyId: f.familyId }));
    const others = await otherLead.client.get('/api/notifications');
    expect(
      (others.json as { items: { familyId: string | null }[] }).items.some((n) => n.familyId === f.familyId),
    ).toBe(false);
    const row = await current()
      .db.selectFrom('parent_screenings')
      .select('outcome')
      .where('id', '=', (res.json as { id: string }).id)
      .executeTakeFirst();
    expect(row?.outcome).toBe('urgent');
  });

  it('per-parent factors round-trip through a contact into the stored assessment; a depressed father does not get Ouder-baby', async () => {
    const f = await family({ birthDate: '2025-11-02' });
    await post(f, { personId: f.fatherId, instrument: 'epds', date: '2026-02-20', total: 12, item10: 0 });
    const body = {
      childId: f.childId,
      type: 'home_visit',
      date: '2026-03-01',
      status: 'final',
      agreedBand: 'safe',
      criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
      parentFactors: { [f.fatherId]: { parent_depression: { value: 'present', reportedBy: 'parent' } } },
    };
    const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, body);
    expect(res.status).toBe(201);
    const { contact, assessment } = res.json as {
      contact: { id: string; parentFactors: Json };
      assessment: {
        parentMentalHealth: { parent: number; role: string; outcome: string }[];
        recommendations: { interventions: string[] }[];
        balance: { hindering: string[] };
      };
    };
    expect(contact.parentFactors).toEqual({
      [f.fatherId]: {
        parent_depression: expect.objectContaining({ value: 'present', reportedBy: 'parent' }),
      },
    });
    expect(assessment.parentMentalHealth).toEqual([
      expect.objectContaining({ role: 'father', outcome: 'clinical_assessment' }),
    ]);
    expect(assessment.balance.hindering).toContain('parent_depression');
    expect(assessment.recommendations.some((r) => r.interventions.includes('ouder_baby_interventie'))).toBe(
      false,
    );
    const read = await nurse.client.get(`/api/contacts/${contact.id}`);
    expect((read.json as { contact: { parentFactors: Json } }).contact.parentFactors).toEqual(
      contact.parentFactors,
    );

    // The mother's own depression does open it (baby of 4 months).
    const mother = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body,
      parentFactors: { [f.motherId]: { parent_depression: { value: 'present', reportedBy: 'parent' } } },
    });
    const withMother = mother.json as { assessment: { recommendations: { interventions: string[] }[] } };
    expect(
      withMother.assessment.recommendations.some((r) => r.interventions.includes('ouder_baby_interventie')),
    ).toBe(true);

    const stranger = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body,
      parentFactors: { [f.childId]: { parent_depression: { value: 'present', reportedBy: 'parent' } } },
    });
    expect(stranger.status).toBe(400);
    expect((stranger.json as { field: string }).field).toBe(`parentFactors.${f.childId}`);
    const notParentLevel = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body,
      parentFactors: { [f.fatherId]: { low_social_support: { value: 'present', reportedBy: 'parent' } } },
    });
    expect(notParentLevel.status).toBe(400);
    expect((notParentLevel.json as { field: string }).field).toBe(
      `parentFactors.${f.fatherId}.low_social_support`,
    );
  });

  it('due screenings per parent: 6 weeks postpartum both parents are due until one is screened; the worklist counts them', async () => {
    // Born 2026-01-15: on 2026-03-02 the baby is 6 weeks and 4 days old.
    const f = await family({ birthDate: '2026-01-15' });
    const due = async () =>
      ((await nurse.client.get(`/api/families/${f.familyId}`)).json as { dueScreenings: Json[] })
        .dueScreenings;
    expect(await due()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personId: f.motherId,
          moment: 'postpartum_6_weeks',
          status: 'due',
          from: '2026-02-26',
        }),
        expect.objectContaining({ personId: f.fatherId, moment: 'postpartum_6_weeks', status: 'due' }),
      ]),
    );
    const worklist = async () => {
      const res = await nurse.client.get(`/api/worklist?q=${encodeURIComponent(f.name)}`);
      return (res.json as { items: { familyId: string; screeningsDue: number }[] }).items.find(
        (i) => i.familyId === f.familyId,
      )?.screeningsDue;
    };
    expect(await worklist()).toBe(2);
    await post(f, {
      personId: f.motherId,
      instrument: 'whooley',
      date: '2026-03-02',
      answers: [false, false],
    });
    expect((await due()).map((d) => d.personId)).toEqual([f.fatherId]);
    expect(await worklist()).toBe(1);
  });

  it('thresholds: defaults, set within bounds by a team lead, 400 naming the field out of bounds, 403 for a nurse; used when assessing', async () => {
    const own = await createOrg(current().db);
    const manager = await actor(server, current().db, own, 'application_manager');
    const ownLead = await actor(server, current().db, own, 'team_lead');
    const ownNurse = await actor(server, current().db, own, 'nurse');
    const read = await ownNurse.client.get('/api/organisation/perinatal-thresholds');
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ thresholds: DEFAULT_PERINATAL_THRESHOLDS, updatedAt: null });

    const stricter = { ...DEFAULT_PERINATAL_THRESHOLDS, epdsClinicalAbove: 11 };
    expect(
      (await ownNurse.client.request('PUT', '/api/organisation/perinatal-thresholds', { body: stricter }))
        .status,
    ).toBe(403);
    const tooHigh = await manager.client.request('PUT', '/api/organisation/perinatal-thresholds', {
      body: { ...DEFAULT_PERINATAL_THRESHOLDS, epdsClinicalAbove: 16 },
    });
    expect(tooHigh.status).toBe(400);
    expect((tooHigh.json as { field: string }).field).toBe('epdsClinicalAbove');
    const item10 = await manager.client.request('PUT', '/api/organisation/perinatal-thresholds', {
      body: { ...DEFAULT_PERINATAL_THRESHOLDS, epdsItem10UrgentAbove: 1 },
    });
    expect((item10.json as { field: string }).field).toBe('epdsItem10UrgentAbove');
    const set = await ownLead.client.request('PUT', '/api/organisation/perinatal-thresholds', {
      body: stricter,
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ thresholds: stricter, updatedBy: ownLead.id });
    expect(await lastAudit(current().db, ownLead.id)).toMatchObject({
      action: 'settings.perinatal_thresholds',
    });

    // EPDS 12 for a mother: rescreen by default, a clinical assessment with this organisation's cut-off of 11.
    const f = await seedFamily(current().db, own.organisationId, ownNurse.id, { birthDate: '2026-01-15' });
    await relate(current().db, f.familyId, { userId: ownNurse.id }, ownNurse.id);
    const res = await ownNurse.client.post(`/api/families/${f.familyId}/screenings`, {
      personId: f.caregiverId,
      instrument: 'epds',
      date: '2026-03-01',
      total: 12,
      item10: 0,
    });
    // The cut-offs it was worked out with go with it, so a reader's client can say its reasons in her language.
    expect(res.json).toMatchObject({ outcome: 'clinical_assessment', thresholds: stricter });
    const contact = await ownNurse.client.post(`/api/families/${f.familyId}/contacts`, {
      childId: f.childId,
      type: 'consult',
      date: '2026-03-02',
      status: 'final',
      agreedBand: 'safe',
    });
    expect(
      (contact.json as { assessment: { parentMentalHealth: Json[] } }).assessment.parentMentalHealth,
    ).toEqual([expect.objectContaining({ role: 'mother', outcome: 'clinical_assessment' })]);
  });
});

describe('screening routes', () => {
  it('are in the contract', async () => {
    const { api } = await import('@nestwerk/contract');
    expect(Object.keys(api.screenings)).toEqual(['record', 'list', 'thresholds', 'setThresholds']);
  });
});
