import { interventionName, knowledge, text } from '@nestwerk/knowledge';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.ts';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { auditRows, concerningContact, LONG_SESSIONS, ok, seedPartner } from '../../testing/network-world.ts';
import {
  type Actor,
  actor,
  createOrg,
  type Org,
  relate,
  type SeededFamily,
  seedFamily,
} from '../../testing/world.ts';

const label = (list: ReadonlyArray<{ code: string; label: { nl: string; en: string } }>, code: string) => {
  const item = list.find((i) => i.code === code);
  if (!item) throw new Error(`unknown code ${code}`);
  return { code, label: text(item.label, 'nl', 'nl') };
};
const criterion = (c: string) => label(knowledge.referralCriteria, c);
const imh = (c: string) => label(knowledge.imhReferralReasons, c);
const cue = (c: string) => label(knowledge.cues, c);
const factor = (c: string) => ({
  ...label(knowledge.factors, c),
  kind: knowledge.factors.find((f) => f.code === c)?.kind,
});
// An intervention is shared under its one name, not a description.
const intervention = (c: string) => ({ code: c, label: interventionName(c, 'nl') });

const DEFAULT_ITEMS = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
];

forEachDatabase('referrals: from recommendation to feedback', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let imhUser: Actor;
  let otherImh: Actor;
  let family: SeededFamily;
  let contactId: string;
  let imhOrgId: string;
  const partners = { imh: '', far: '', gp: '' };
  let orgName = '';

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
    org = await createOrg(db);
    orgName = (
      await db
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', org.organisationId)
        .executeTakeFirstOrThrow()
    ).name;
    nurse = await actor(server, db, org, 'nurse');
    const imhOrg = await createOrg(db, { kind: 'partner', name: 'IMH-team Veldland (test)' });
    imhOrgId = imhOrg.organisationId;
    imhUser = await actor(server, db, imhOrg, 'imh_specialist');
    otherImh = await actor(server, db, await createOrg(db, { kind: 'partner' }), 'imh_specialist');
    partners.imh = await seedPartner(db, org.organisationId, {
      name: 'IMH-team Veldland',
      kind: 'imh_specialist',
      municipalities: ['Utrecht', 'Zeist'],
      interventions: ['imh_team', 'theraplay'],
      nestwerkOrganisationId: imhOrg.organisationId,
      feedbackDays: 10,
    });
    partners.far = await seedPartner(db, org.organisationId, {
      name: 'Baby-peuterpraktijk Amersfoort',
      kind: 'imh_specialist',
      municipalities: ['Amersfoort'],
      interventions: ['imh_team'],
      intakePhone: '033 123 4567',
    });
    partners.gp = await seedPartner(db, org.organisationId, { name: 'Huisartsen De Linde', kind: 'gp' });
    family = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, family.familyId, { userId: nurse.id }, nurse.id);
    contactId = await concerningContact(nurse, family);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function draft(extra: Record<string, unknown> = {}) {
    return ok(
      await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
        partnerId: partners.imh,
        contactId,
        recommendationId: 'refer_outside',
        consent: {
          givenBy: family.caregiverId,
          purpose: 'Aanmelding bij het IMH-team',
          // The parent also agreed to the child's name and their phone number going to this team.
          scope: [...DEFAULT_ITEMS, 'child_name', 'parent_phone'],
          validUntil: '2026-12-31',
        },
        reasonText: 'Huilt veel en ouder raakt uitgeput',
        parentWishes: 'Liefst afspraken op dinsdag',
        ...extra,
      }),
      201,
    );
  }

  async function send(referral: Record<string, unknown>, body: Record<string, unknown> = {}) {
    return ok(
      await nurse.client.post(`/api/referrals/${referral.id}/send`, { version: referral.version, ...body }),
    );
  }

  it('lists partners offering what is advised, those in the family’s municipality first', async () => {
    const res = ok(
      await nurse.client.get(
        `/api/families/${family.familyId}/referral-options?recommendation=refer_outside`,
      ),
    );
    expect(res.recommendation).toEqual({ id: 'refer_outside', category: 'refer_outside' });
    expect(res.interventions).toEqual([intervention('imh_team')]);
    expect(res.family).toEqual({ municipality: 'Utrecht', country: 'nl' });
    const items = res.items as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.name, i.inFamilyMunicipality, i.offers])).toEqual([
      ['IMH-team Veldland', true, ['imh_team']],
      ['Baby-peuterpraktijk Amersfoort', false, ['imh_team']],
    ]);
    expect(items[0]?.registration).toEqual({
      phone: null,
      email: null,
      viaNestwerk: true,
      nestwerkOrganisationId: imhOrgId,
      note: null,
    });
    const byCodes = ok(
      await nurse.client.get(
        `/api/families/${family.familyId}/referral-options?recommendation=theraplay,imh_team`,
      ),
    );
    expect(
      (byCodes.items as Array<{ name: string; offers: string[] }>).map((i) => [i.name, i.offers]),
    ).toEqual([
      ['IMH-team Veldland', ['imh_team', 'theraplay']],
      ['Baby-peuterpraktijk Amersfoort', ['imh_team']],
    ]);
    const bad = await nurse.client.get(
      `/api/families/${family.familyId}/referral-options?recommendation=nonsense`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_input', field: 'recommendation' });
  });

  let sentId = '';
  let frozen: Record<string, unknown> = {};

  it('drafts with the minimum by default; the preview shows exactly what will be shared; items can be added or removed', async () => {
    const created = await draft();
    expect(created).toMatchObject({
      status: 'draft',
      basis: 'consent',
      flagged: false,
      items: DEFAULT_ITEMS,
      partner: { id: partners.imh, name: 'IMH-team Veldland', kind: 'imh_specialist', viaNestwerk: true },
      consent: { status: 'active', recipient: 'IMH-team Veldland', validUntil: '2026-12-31' },
      reason: {
        criteria: ['regulation_problems_persistent', 'parent_worry_or_overload_persistent'],
        imhReasons: ['regulation_problems', 'parental_stress_trauma_anxiety_depression'],
      },
      cues: ['parent_misses_child_stress'],
      factors: ['parent_stress', 'social_network_support'],
      interventions: ['imh_team'],
      timeline: { firstSignalDate: '2026-02-20' },
      shared: null,
    });
    const minimum = {
      referralId: created.id,
      region: 'nl',
      basis: 'consent',
      items: DEFAULT_ITEMS,
      reason: {
        criteria: [
          criterion('regulation_problems_persistent'),
          criterion('parent_worry_or_overload_persistent'),
        ],
        imhReasons: [imh('regulation_problems'), imh('parental_stress_trauma_anxiety_depression')],
        text: 'Huilt veel en ouder raakt uitgeput',
      },
      referrer: { name: nurse.email.split('@')[0], organisation: orgName, email: nurse.email, phone: null },
      child: { ageMonths: 8 },
      cues: [cue('parent_misses_child_stress')],
      factors: [factor('parent_stress'), factor('social_network_support')],
      interventions: [intervention('imh_team')],
      parentWishes: 'Liefst afspraken op dinsdag',
    };
    expect(ok(await nurse.client.get(`/api/referrals/${created.id}/preview`))).toEqual(minimum);

    const changed = ok(
      await nurse.client.request('PATCH', `/api/referrals/${created.id}`, {
        body: {
          version: created.version,
          items: ['child_age', 'child_name', 'factors', 'interventions', 'parent_wishes', 'parent_phone'],
          referrerPhone: '030 123 4567',
        },
      }),
    );
    expect(changed.items).toEqual([
      'reason',
      'referrer',
      'child_age',
      'factors',
      'interventions',
      'parent_wishes',
      'child_name',
      'parent_phone',
    ]);
    const { cues: _removed, ...withoutCues } = minimum;
    frozen = {
      ...withoutCues,
      items: changed.items,
      referrer: { ...minimum.referrer, phone: '030 123 4567' },
      child: { ageMonths: 8, givenName: 'Noor', familyName: family.name },
      parents: [{ role: 'mother', phone: null }],
    };
    expect(ok(await nurse.client.get(`/api/referrals/${created.id}/preview`))).toEqual(frozen);

    const sent = await send(changed);
    expect(sent).toMatchObject({
      status: 'sent',
      channel: 'nestwerk',
      sentAt: '2026-03-02T09:00:00.000Z',
      sentBy: { id: nurse.id },
      feedbackDue: '2026-03-12',
      feedbackOverdue: false,
      history: [{ status: 'draft' }, { status: 'sent', note: 'nestwerk' }],
    });
    expect(sent.shared).toEqual(frozen);
    sentId = String(sent.id);
    const again = await nurse.client.post(`/api/referrals/${sentId}/send`, { version: sent.version });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: 'conflict', field: 'status', status: 'sent' });
    const edit = await nurse.client.request('PATCH', `/api/referrals/${sentId}`, {
      body: { version: sent.version, reasonText: 'later' },
    });
    expect(edit.status).toBe(409);
  });

  it('the receiver’s every endpoint answers with the shared snapshot and the referral’s progress only', async () => {
    const list = ok(await imhUser.client.get('/api/intake'));
    const summary = {
      child: { ageMonths: 8 },
      criteria: ['regulation_problems_persistent', 'parent_worry_or_overload_persistent'],
      imhReasons: ['regulation_problems', 'parental_stress_trauma_anxiety_depression'],
      interventions: ['imh_team'],
      referrer: { name: nurse.email.split('@')[0], organisation: orgName },
    };
    expect(list).toEqual({
      items: [
        {
          id: sentId,
          status: 'sent',
          sentAt: '2026-03-02T09:00:00.000Z',
          feedbackDue: '2026-03-12',
          intakeDate: null,
          sharing: 'open',
          summary,
        },
      ],
      total: 1,
    });
    const base = {
      id: sentId,
      sentAt: '2026-03-02T09:00:00.000Z',
      feedbackDue: '2026-03-12',
      declineReason: null,
      sharing: 'open',
      shared: frozen,
    };
    expect(ok(await imhUser.client.get(`/api/intake/${sentId}`))).toEqual({
      ...base,
      status: 'sent',
      intakeDate: null,
      history: [{ status: 'sent', at: '2026-03-02T09:00:00.000Z' }],
      feedback: [],
    });

    server.clock.advanceMinutes(60);
    const accepted = ok(
      await imhUser.client.post(`/api/intake/${sentId}/status`, {
        status: 'accepted',
        intakeDate: '2026-03-09',
      }),
    );
    const history = [
      { status: 'sent', at: '2026-03-02T09:00:00.000Z' },
      { status: 'received', at: '2026-03-02T10:00:00.000Z' },
      { status: 'accepted', at: '2026-03-02T10:00:00.000Z' },
    ];
    expect(accepted).toEqual({
      ...base,
      status: 'accepted',
      intakeDate: '2026-03-09',
      history,
      feedback: [],
    });

    const planned = ok(await imhUser.client.post(`/api/intake/${sentId}/plan`, { intakeDate: '2026-03-10' }));
    expect(planned).toEqual({ ...base, status: 'accepted', intakeDate: '2026-03-10', history, feedback: [] });

    const fed = ok(
      await imhUser.client.post(`/api/intake/${sentId}/feedback`, { text: 'Intake gepland op 10 maart.' }),
      201,
    );
    expect(fed).toEqual({
      ...base,
      status: 'accepted',
      intakeDate: '2026-03-10',
      history,
      feedback: [
        {
          id: expect.any(String),
          text: 'Intake gepland op 10 maart.',
          createdAt: '2026-03-02T10:00:00.000Z',
        },
      ],
    });

    const notes = ok(await imhUser.client.get('/api/notifications'));
    expect(notes).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: 'referral_received',
          referralId: sentId,
          emergencyAccessId: null,
          familyId: null,
          // Whom it concerns only when asked for (subjects=true): the counter in the header does not.
          subject: null,
          createdAt: '2026-03-02T09:00:00.000Z',
          readAt: null,
        },
      ],
      total: 1,
      unread: 1,
    });
    const noteId = (notes.items as Array<{ id: string }>)[0]?.id;
    expect(ok(await imhUser.client.post(`/api/notifications/${noteId}/read`))).toEqual({
      id: noteId,
      kind: 'referral_received',
      referralId: sentId,
      emergencyAccessId: null,
      familyId: null,
      subject: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      readAt: '2026-03-02T10:00:00.000Z',
    });
    expect(ok(await imhUser.client.get('/api/notifications?unread=true'))).toEqual({
      items: [],
      total: 0,
      unread: 0,
    });
  });

  it('the receiver reaches nothing of the family file, and another organisation not even the referral', async () => {
    const f = family.familyId;
    for (const path of [
      `/api/families/${f}`,
      `/api/families/${f}/referrals`,
      `/api/families/${f}/referral-options`,
      `/api/families/${f}/care-network`,
      `/api/families/${f}/safety-route`,
      `/api/families/${f}/access-log`,
      `/api/families/${f}/export`,
      `/api/contacts/${contactId}`,
      `/api/referrals/${sentId}`,
      `/api/referrals/${sentId}/preview`,
      `/api/referrals/${sentId}/letter`,
    ]) {
      const res = await imhUser.client.get(path);
      expect([path, res.status, res.json]).toEqual([
        path,
        404,
        { error: 'not_found', message: 'Not found.' },
      ]);
    }
    expect((await imhUser.client.get('/api/families')).status).toBe(403);
    expect((await imhUser.client.get('/api/worklist')).status).toBe(403);

    const missing = await otherImh.client.get('/api/intake/0190b3c4-dead-7000-8000-00000000beef');
    const theirs = await otherImh.client.get(`/api/intake/${sentId}`);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(missing.text);
    expect((await otherImh.client.post(`/api/intake/${sentId}/feedback`, { text: 'x' })).status).toBe(404);
    expect(ok(await otherImh.client.get('/api/intake'))).toEqual({ items: [], total: 0 });
    expect((await nurse.client.get('/api/intake')).status).toBe(403);
    expect((await nurse.client.get(`/api/intake/${sentId}`)).status).toBe(404);
  });

  it('records every status with its time; refuses impossible steps with a clear 409; time to help is computable', async () => {
    const wrong = await imhUser.client.post(`/api/intake/${sentId}/status`, { status: 'received' });
    expect(wrong.status).toBe(409);
    expect(wrong.json).toEqual({
      error: 'conflict',
      field: 'status',
      status: 'accepted',
      message:
        'This referral is accepted; it cannot become received now. From here it can become in care or closed.',
    });
    const byReferrer = await nurse.client.post(`/api/referrals/${sentId}/status`, {
      version: 99,
      status: 'in_care',
    });
    expect(byReferrer.status).toBe(409);
    const current = ok(await nurse.client.get(`/api/referrals/${sentId}`));
    const forbidden = await nurse.client.post(`/api/referrals/${sentId}/status`, {
      version: current.version,
      status: 'in_care',
    });
    expect(forbidden.status).toBe(403);
    server.clock.advanceMinutes(24 * 60);
    ok(await imhUser.client.post(`/api/intake/${sentId}/status`, { status: 'in_care' }));
    const seen = ok(await nurse.client.get(`/api/referrals/${sentId}`));
    expect(seen.timeline).toEqual({
      firstSignalDate: '2026-02-20',
      sentAt: '2026-03-02T09:00:00.000Z',
      receivedAt: '2026-03-02T10:00:00.000Z',
      acceptedAt: '2026-03-02T10:00:00.000Z',
      inCareAt: '2026-03-03T10:00:00.000Z',
      closedAt: null,
      daysFromFirstSignalToCare: 11,
    });
    expect(seen.feedback).toEqual([
      {
        id: expect.any(String),
        text: 'Intake gepland op 10 maart.',
        source: 'nestwerk',
        recordedBy: { id: imhUser.id, name: imhUser.email.split('@')[0] },
        createdAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
    expect(seen.feedbackReceivedAt).toBe('2026-03-02T10:00:00.000Z');
    const kinds = (
      (ok(await nurse.client.get('/api/notifications')).items ?? []) as Array<{ kind: string }>
    ).map((n) => n.kind);
    expect(kinds).toEqual(['referral_status', 'feedback_received', 'referral_status', 'referral_status']);
    const closed = ok(
      await nurse.client.post(`/api/referrals/${sentId}/status`, {
        version: seen.version,
        status: 'closed',
        reason: 'Gezin is in zorg',
      }),
    );
    expect(closed.status).toBe('closed');
    const after = await imhUser.client.post(`/api/intake/${sentId}/status`, {
      status: 'declined',
      reason: 'x',
    });
    expect(after.status).toBe(409);
  });

  it('withdrawn consent stops further sharing: the receiver gets 403 and sees it was withdrawn', async () => {
    const d = await draft();
    const sent = await send(d);
    const id = String(sent.id);
    ok(await imhUser.client.get(`/api/intake/${id}`));
    const consentId = (sent.consent as { id: string }).id;
    ok(await nurse.client.post(`/api/consents/${consentId}/withdraw`));
    const at = server.clock.now().toISOString();

    const read = await imhUser.client.get(`/api/intake/${id}`);
    expect(read.status).toBe(403);
    expect(read.json).toEqual({
      error: 'forbidden',
      reason: 'consent_withdrawn',
      referral: { id, status: 'sent', consentWithdrawnAt: at },
      message:
        'The parents withdrew their consent: the information shared with this referral can no longer be read or added to.',
    });
    const feedback = await imhUser.client.post(`/api/intake/${id}/feedback`, { text: 'Nog een vraag' });
    expect(feedback.status).toBe(403);
    const item = (ok(await imhUser.client.get('/api/intake?status=all')).items as Array<{ id: string }>).find(
      (i) => i.id === id,
    );
    expect(item).toEqual({
      id,
      status: 'sent',
      sentAt: at,
      feedbackDue: '2026-03-13',
      intakeDate: null,
      sharing: 'consent_withdrawn',
      summary: null,
    });
    const notes = ok(await imhUser.client.get('/api/notifications?unread=true')).items as Array<
      Record<string, unknown>
    >;
    expect(notes.filter((n) => n.referralId === id).map((n) => [n.kind, n.referralId])).toEqual([
      ['consent_withdrawn', id],
      ['referral_received', id],
    ]);
    // Closing stays possible, and shows nothing of what was shared.
    const closed = ok(await imhUser.client.post(`/api/intake/${id}/status`, { status: 'closed' }));
    expect(closed).toMatchObject({ status: 'closed', sharing: 'consent_withdrawn', shared: null });
    const referrerView = ok(await nurse.client.get(`/api/referrals/${id}`));
    expect(referrerView).toMatchObject({ consentWithdrawnAt: at, consent: { status: 'withdrawn' } });
    expect((await nurse.client.get(`/api/referrals/${id}/letter`)).status).toBe(403);
    const stopped = await auditRows(current().db, 'referral.sharing_stopped');
    expect(stopped.at(-1)).toMatchObject({ basis: 'consent', family_id: family.familyId });
    expect(JSON.parse(String(stopped.at(-1)?.details_json))).toEqual({ consentId, referralIds: [id] });
  });

  it('a consent covers its receiver: another partner needs its own consent', async () => {
    const d = await draft();
    const moved = await nurse.client.request('PATCH', `/api/referrals/${d.id}`, {
      body: { version: d.version, partnerId: partners.far },
    });
    expect(moved.status).toBe(422);
    expect(moved.json).toMatchObject({ error: 'unprocessable', field: 'consentId' });
  });

  it('the referral-specific withdrawal does the same; a draft on a withdrawn consent cannot be sent', async () => {
    const d = await draft();
    const out = ok(await nurse.client.post(`/api/referrals/${d.id}/withdraw-consent`));
    expect(out.consent).toMatchObject({ status: 'withdrawn' });
    const res = await nurse.client.post(`/api/referrals/${d.id}/send`, { version: out.version });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error: 'unprocessable', field: 'consentId' });
  });

  it('a partner outside Nestwerk: sent by phone, printable letter, feedback recorded by the referrer', async () => {
    const d = await draft({ partnerId: partners.far });
    const noChannel = await nurse.client.post(`/api/referrals/${d.id}/send`, { version: d.version });
    expect(noChannel.status).toBe(400);
    expect(noChannel.json).toMatchObject({ error: 'invalid_input', field: 'channel' });
    const sent = await send(d, { channel: 'post' });
    expect(sent).toMatchObject({ status: 'sent', channel: 'post', feedbackDue: '2026-03-17' });
    const letter = await nurse.client.get(`/api/referrals/${sent.id}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(letter.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(letter.text).not.toMatch(/<script|style=|<style/i);
    expect(letter.text).toContain('<link rel="stylesheet" href="/api/referrals/letter.css">');
    expect(letter.text).toContain('Baby-peuterpraktijk Amersfoort');
    expect(letter.text).toContain('8 maanden');
    expect(letter.text).not.toContain('Noor');
    expect(letter.text).not.toContain('2025-06-15');
    const css = await nurse.client.get('/api/referrals/letter.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(
      (await auditRows(current().db, 'referral.letter')).filter((r) => r.outcome === 'success'),
    ).toHaveLength(1);

    // The partner phones back: the referrer records it, with the steps the partner reported.
    const moved = ok(
      await nurse.client.post(`/api/referrals/${sent.id}/status`, {
        version: sent.version,
        status: 'accepted',
      }),
    );
    expect((moved.history as Array<{ status: string }>).map((h) => h.status)).toEqual([
      'draft',
      'sent',
      'received',
      'accepted',
    ]);
    const fed = ok(
      await nurse.client.post(`/api/referrals/${sent.id}/feedback`, {
        text: 'Gebeld: intake volgende week',
        via: 'phone',
      }),
      201,
    );
    expect(fed).toMatchObject({ feedbackOverdue: false, feedbackReceivedAt: expect.any(String) });
  });

  it('overdue feedback flags the family on the worklist and notifies the referrer once', async () => {
    const d = await draft({ partnerId: partners.far });
    const sent = await send(d, { channel: 'phone' });
    const before = ok(await nurse.client.get('/api/worklist'));
    expect((before.items as Array<Record<string, unknown>>)[0]).toMatchObject({
      flags: { feedbackOverdue: false },
      overdueFeedback: 0,
    });
    server.clock.advanceMinutes(20 * 24 * 60);
    const after = ok(await nurse.client.get('/api/worklist'));
    expect((after.items as Array<Record<string, unknown>>)[0]).toMatchObject({
      familyId: family.familyId,
      flags: { feedbackOverdue: true },
      overdueFeedback: 1,
    });
    const overdue = async () =>
      (
        ok(await nurse.client.get('/api/notifications')).items as Array<{ kind: string; referralId: string }>
      ).filter((n) => n.kind === 'feedback_overdue');
    expect(await overdue()).toEqual([expect.objectContaining({ referralId: sent.id })]);
    expect(await overdue()).toHaveLength(1);
    const view = ok(await nurse.client.get(`/api/referrals/${sent.id}`));
    expect(view.feedbackOverdue).toBe(true);
    ok(
      await nurse.client.post(`/api/referrals/${sent.id}/feedback`, {
        text: 'Wachtlijst tot mei',
        via: 'email',
      }),
      201,
    );
    const cleared = ok(await nurse.client.get('/api/worklist'));
    expect((cleared.items as Array<Record<string, unknown>>)[0]).toMatchObject({
      flags: { feedbackOverdue: false },
      overdueFeedback: 0,
    });
    const file = ok(await nurse.client.get(`/api/families/${family.familyId}`));
    expect((file.referrals as unknown[]).length).toBeGreaterThanOrEqual(5);
  });

  it('every share is in the audit log with its basis, and the chain verifies', async () => {
    const db = current().db;
    const sends = await db
      .selectFrom('referrals')
      .select('id')
      .where('family_id', '=', family.familyId)
      .where('sent_at', 'is not', null)
      .execute();
    const shares = await auditRows(db, 'referral.share');
    expect(shares.map((s) => JSON.parse(String(s.details_json)).referralId).sort()).toEqual(
      sends.map((s) => s.id).sort(),
    );
    for (const s of shares)
      expect(s).toMatchObject({ basis: 'consent', family_id: family.familyId, outcome: 'success' });
    const reads = await auditRows(db, 'referral.intake.read');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads)
      expect(r).toMatchObject({ basis: 'consent', family_id: family.familyId, user_id: imhUser.id });
    const denied = await db
      .selectFrom('audit_log')
      .select(['outcome', 'details_json'])
      .where('action', '=', 'referral.intake.read')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
