import { KNOWLEDGE_VERSION } from '@nestwerk/knowledge';
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

interface Created {
  contact: { id: string; version: number; agreement: { id: string; version: number } | null } & Record<
    string,
    unknown
  >;
  assessment: Record<string, unknown>;
}

forEachDatabase('contacts API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function family(options: { birthDate?: string; dueDate?: string } = {}) {
    const f = await seedFamily(current().db, org.organisationId, nurse.id, options);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    return f;
  }

  const risky = (childId: string) => ({
    childId,
    type: 'home_visit',
    date: '2026-02-27',
    status: 'final',
    cues: { child_accepts_comfort: true, parent_insensitive_or_inconsistent: true },
    factors: {
      parent_depression: { value: 'present', reportedBy: 'parent' },
      low_social_support: { value: 'present', reportedBy: 'professional' },
      stable_housing: { value: 'present', reportedBy: 'parent' },
    },
    criteria: { parent_worry_or_overload_persistent: true },
    agreedBand: 'insecure',
    agreedNote: 'Samen besproken; moeder herkent de onrust.',
    agreement: {
      text: 'Extra huisbezoek over slapen en troosten',
      nextTopic: 'Hoe gaat het met de stemming van moeder',
      nextTopicPermission: true,
      extraContact: true,
      followUpDue: '2026-03-10',
    },
  });

  it('records a contact, recomputes the assessment on the server and stores it with the knowledge version', async () => {
    const f = await family({ birthDate: '2025-06-15' });
    const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, risky(f.childId));
    expect(res.status).toBe(201);
    const { contact, assessment } = res.json as unknown as Created;
    expect(contact).toMatchObject({
      childId: f.childId,
      childAgeMonths: 8,
      gestationWeeks: null,
      status: 'final',
      cues: { child_accepts_comfort: true, parent_insensitive_or_inconsistent: true },
      factors: { parent_depression: { value: 'present', reportedBy: 'parent' } },
      criteria: { parent_worry_or_overload_persistent: true },
      agreedBand: 'insecure',
      agreement: { followUpDue: '2026-03-10', nextTopicPermission: true, extraContact: true, status: 'open' },
      version: 1,
    });
    expect(assessment).toMatchObject({
      knowledgeVersion: KNOWLEDGE_VERSION,
      region: 'nl',
      child: { born: true, ageMonths: 8 },
      balance: { cumulativeRisk: true },
      agreedBand: 'insecure',
      cumulativeRisk: true,
    });
    const stored = await current()
      .db.selectFrom('assessments')
      .selectAll()
      .where('contact_id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(stored.knowledge_version).toBe(KNOWLEDGE_VERSION);
    expect(JSON.parse(stored.input_json)).toMatchObject({
      child: { ageMonths: 8, firstChild: true },
      parents: [{ role: 'mother', ageYears: 32, lowEducation: false }],
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'contact.create',
      outcome: 'success',
      family_id: f.familyId,
      person_ids: JSON.stringify([f.childId]),
    });

    const file = (await nurse.client.get(`/api/families/${f.familyId}`)).json as Record<string, unknown>;
    expect(file.assessments).toEqual([
      expect.objectContaining({
        contactId: contact.id,
        agreedBand: 'insecure',
        cumulativeRisk: true,
        balanceByLevel: expect.objectContaining({ parent: { hindering: 1, protective: 0 } }),
      }),
    ]);
    expect(file.agreements).toEqual([expect.objectContaining({ followUpDue: '2026-03-10' })]);
    expect((await nurse.client.get(`/api/contacts/${contact.id}`)).json).toEqual(res.json);
  });

  it('computes gestation weeks for an unborn child', async () => {
    const f = await family({ dueDate: '2026-06-01' });
    const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      childId: f.childId,
      type: 'prenatal_visit',
      date: '2026-03-01',
      status: 'draft',
      cues: {},
      factors: { stress_or_anxiety_in_pregnancy: { value: 'present', reportedBy: 'parent' } },
      criteria: {},
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      contact: { gestationWeeks: 26, childAgeMonths: null },
      assessment: { child: { born: false, gestationWeeks: 26 } },
    });
  });

  it('refuses what can only be seen after the birth for an unborn child, and takes the parent criteria', async () => {
    const f = await family({ dueDate: '2026-06-01' });
    const prenatal = (extra: Record<string, unknown>) =>
      nurse.client.post(`/api/families/${f.familyId}/contacts`, {
        childId: f.childId,
        type: 'prenatal_visit',
        date: '2026-03-01',
        status: 'draft',
        cues: {},
        factors: {},
        criteria: {},
        ...extra,
      });
    const cue = await prenatal({ cues: { relaxed_contact: true } });
    expect(cue.status).toBe(400);
    expect(cue.json).toMatchObject({
      field: 'cues.relaxed_contact',
      issues: [{ path: 'cues.relaxed_contact', code: 'after_birth' }],
    });
    for (const code of ['regulation_problems_persistent', 'disturbed_parent_child_communication']) {
      const res = await prenatal({ criteria: { parent_worry_or_overload_persistent: true, [code]: true } });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ issues: [{ path: `criteria.${code}`, code: 'after_birth' }] });
    }
    const parents = await prenatal({
      cues: { relaxed_contact: false },
      criteria: { parent_worry_or_overload_persistent: true, insufficient_jgz_support: true },
    });
    expect(parents.status).toBe(201);
    // Two of four: the parent's two criteria reach the threshold on their own.
    expect(parents.json).toMatchObject({
      contact: {
        cues: {},
        criteria: { parent_worry_or_overload_persistent: true, insufficient_jgz_support: true },
      },
      assessment: { referral: { referOutside: true } },
    });
  });

  it('revises a contact with its version and refuses a stale one with 409 and the current contact', async () => {
    const f = await family();
    const created = (await nurse.client.post(`/api/families/${f.familyId}/contacts`, risky(f.childId)))
      .json as unknown as Created;
    const path = `/api/contacts/${created.contact.id}`;
    const body = {
      ...risky(f.childId),
      version: 1,
      cues: { child_accepts_comfort: true },
      agreedBand: 'safe',
    };
    const revised = await nurse.client.request('PUT', path, { body });
    expect(revised.status).toBe(200);
    expect(revised.json).toMatchObject({
      contact: { version: 2, agreedBand: 'safe' },
      assessment: { agreedBand: 'safe' },
    });
    // An unchanged observation keeps the moment it was first recorded.
    const before = created.contact.factors as Record<string, { recordedAt: string }>;
    const after =
      (revised.json?.contact as { factors: Record<string, { recordedAt: string }> } | undefined)?.factors ??
      {};
    expect(after.parent_depression?.recordedAt).toBe(before.parent_depression?.recordedAt);

    const stale = await nurse.client.request('PUT', path, { body: { ...body, agreedBand: 'insecure' } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({
      error: 'conflict',
      current: { contact: { version: 2, agreedBand: 'safe' } },
    });
  });

  describe('validation names the field', () => {
    const cases: Array<[string, (childId: string) => unknown, string]> = [
      ['unknown cue code', (c) => ({ ...risky(c), cues: { not_a_cue: true } }), 'cues.not_a_cue'],
      [
        'unknown factor code',
        (c) => ({ ...risky(c), factors: { nope: { value: 'present', reportedBy: 'parent' } } }),
        'factors.nope',
      ],
      [
        'bad factor value',
        (c) => ({ ...risky(c), factors: { parent_stress: { value: 'maybe', reportedBy: 'parent' } } }),
        'factors.parent_stress.value',
      ],
      [
        'unknown criterion',
        (c) => ({ ...risky(c), criteria: { sleeps_badly: true } }),
        'criteria.sleeps_badly',
      ],
      ['bad type', (c) => ({ ...risky(c), type: 'email' }), 'type'],
      ['bad band', (c) => ({ ...risky(c), agreedBand: 'attached' }), 'agreedBand'],
      ['no date', (c) => ({ ...risky(c), date: undefined }), 'date'],
      ['date before birth', (c) => ({ ...risky(c), date: '2025-01-01' }), 'date'],
      ['date in the future', (c) => ({ ...risky(c), date: '2026-12-01' }), 'date'],
      ['child of another family', () => risky('0190b3c4-0000-7000-8000-000000000000'), 'childId'],
      [
        'topic without permission',
        (c) => ({ ...risky(c), agreement: { ...risky(c).agreement, nextTopicPermission: false } }),
        'agreement.nextTopic',
      ],
      [
        'follow-up before contact',
        (c) => ({ ...risky(c), agreement: { ...risky(c).agreement, followUpDue: '2026-01-01' } }),
        'agreement.followUpDue',
      ],
      ['prenatal visit for a born child', (c) => ({ ...risky(c), type: 'prenatal_visit' }), 'type'],
    ];
    it.each(cases)('%s', async (_label, make, field) => {
      const f = await family();
      const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, make(f.childId));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', field });
    });
  });

  it('moves and closes an agreement with optimistic locking', async () => {
    const f = await family();
    const created = (await nurse.client.post(`/api/families/${f.familyId}/contacts`, risky(f.childId)))
      .json as unknown as Created;
    const id = created.contact.agreement?.id;
    const moved = await nurse.client.request('PATCH', `/api/agreements/${id}`, {
      body: { version: 1, followUpDue: '2026-03-20' },
    });
    expect(moved.json).toMatchObject({ followUpDue: '2026-03-20', version: 2, status: 'open' });
    const stale = await nurse.client.request('PATCH', `/api/agreements/${id}`, {
      body: { version: 1, status: 'done' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ current: { version: 2 } });
    const done = await nurse.client.request('PATCH', `/api/agreements/${id}`, {
      body: { version: 2, status: 'done' },
    });
    expect(done.json).toMatchObject({ status: 'done', overdue: false });
  });
});
