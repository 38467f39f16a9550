import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { LONG_SESSIONS, ok, seedPartner } from '../testing/network-world.ts';
import {
  type Actor,
  actor,
  createOrg,
  lastAudit,
  type Org,
  relate,
  type SeededFamily,
  seedFamily,
} from '../testing/world.ts';

/**
 * The access matrix, continued: what a consent lets a referral carry (recipient × scope), and what emergency
 * access lets a stranger to the family do (read, and nothing else). The oracle is the rule in docs/security.md.
 */

const NAMING = ['child_name', 'child_birth_date', 'parent_names', 'parent_phone', 'address'];
const REASON = 'Nachtdienst: huisarts belt over acute zorgen, eigen verpleegkundige afwezig';

type ConsentKey = 'lindeSleep' | 'lindeByKind' | 'imhAll' | 'legacy';
type PartnerKey = 'linde' | 'imh';
interface ScopeCase {
  consent: ConsentKey;
  partner: PartnerKey;
  items: string[];
  /** 201, or 422 with the field that names what does not match. */
  outcome: 201 | { field: 'consentId' | 'items'; mismatch: 'recipient' | 'scope' | 'legacy' };
}

const SCOPE_CASES: ScopeCase[] = [
  { consent: 'lindeSleep', partner: 'linde', items: ['child_age'], outcome: 201 },
  // The finding: a consent for the GP, "alleen slaapadvies", carrying names and address to the IMH team.
  {
    consent: 'lindeSleep',
    partner: 'imh',
    items: ['child_age', ...NAMING],
    outcome: { field: 'consentId', mismatch: 'recipient' },
  },
  {
    consent: 'lindeSleep',
    partner: 'linde',
    items: ['child_age', ...NAMING],
    outcome: { field: 'items', mismatch: 'scope' },
  },
  { consent: 'lindeByKind', partner: 'linde', items: ['child_age', 'cues'], outcome: 201 },
  {
    consent: 'lindeByKind',
    partner: 'imh',
    items: ['child_age'],
    outcome: { field: 'consentId', mismatch: 'recipient' },
  },
  {
    consent: 'lindeByKind',
    partner: 'linde',
    items: ['factors'],
    outcome: { field: 'items', mismatch: 'scope' },
  },
  { consent: 'imhAll', partner: 'imh', items: ['child_age', ...NAMING], outcome: 201 },
  {
    consent: 'imhAll',
    partner: 'linde',
    items: ['child_age'],
    outcome: { field: 'consentId', mismatch: 'recipient' },
  },
  {
    consent: 'legacy',
    partner: 'linde',
    items: ['child_age'],
    outcome: { field: 'consentId', mismatch: 'legacy' },
  },
  {
    consent: 'legacy',
    partner: 'imh',
    items: ['child_age'],
    outcome: { field: 'consentId', mismatch: 'legacy' },
  },
];

forEachDatabase('access matrix: consent scope and emergency access', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let stranger: Actor;
  let lead: Actor;
  let otherLead: Actor;
  let manager: Actor;
  let family: SeededFamily;
  const partners: Record<PartnerKey, string> = { linde: '', imh: '' };
  const consents: Record<ConsentKey, string> = { lindeSleep: '', lindeByKind: '', imhAll: '', legacy: '' };

  async function giveConsent(body: Record<string, unknown>): Promise<string> {
    const res = await nurse.client.post(`/api/families/${family.familyId}/consents`, {
      givenBy: family.caregiverId,
      ...body,
    });
    return String(ok(res, 201).id);
  }

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    stranger = await actor(server, db, org, 'nurse', { team: 'other' });
    lead = await actor(server, db, org, 'team_lead', { team: 'other' });
    otherLead = await actor(server, db, org, 'team_lead');
    manager = await actor(server, db, org, 'application_manager');
    const imhOrg = await createOrg(db, { kind: 'partner', name: 'IMH-team Veldland (matrix)' });
    partners.linde = await seedPartner(db, org.organisationId, {
      name: 'Huisartsenpraktijk De Linde',
      kind: 'gp',
      intakePhone: '030 123 4567',
    });
    partners.imh = await seedPartner(db, org.organisationId, {
      name: 'IMH-team Veldland',
      kind: 'imh_specialist',
      nestwerkOrganisationId: imhOrg.organisationId,
    });
    family = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, family.familyId, { userId: nurse.id }, nurse.id);
    consents.lindeSleep = await giveConsent({
      purpose: 'alleen slaapadvies',
      recipient: { partnerId: partners.linde },
      scope: ['child_age'],
    });
    consents.lindeByKind = await giveConsent({
      purpose: 'Overleg over slapen en onrust',
      recipient: { kind: 'gp', name: '  huisartsenpraktijk de  Linde ' },
      scope: ['child_age', 'cues'],
    });
    consents.imhAll = await giveConsent({
      purpose: 'Aanmelding bij het IMH-team',
      recipient: { partnerId: partners.imh },
      scope: ['child_age', 'cues', 'factors', ...NAMING],
    });
    // A consent as the migration leaves one recorded before recipients and scopes: free text only.
    consents.legacy = await giveConsent({
      purpose: 'Aanmelding',
      recipient: { kind: 'gp', name: 'Huisartsenpraktijk De Linde' },
      scope: ['child_age'],
    });
    await db
      .updateTable('consents')
      .set({ recipient_kind: null, recipient_partner_id: null, scope_items_json: null, scope: 'alles' })
      .where('id', '=', consents.legacy)
      .execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(SCOPE_CASES)('consent $consent → partner $partner sharing $items', (c) => {
    it(c.outcome === 201 ? 'may carry the referral' : 'is refused with the reason', async () => {
      const res = await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
        partnerId: partners[c.partner],
        reasonText: 'Aanhoudende regulatieproblemen en zorgen van ouders',
        items: c.items,
        consentId: consents[c.consent],
      });
      if (c.outcome === 201) {
        expect(res.status, res.text).toBe(201);
        expect(res.json?.consent).toMatchObject({ id: consents[c.consent] });
        return;
      }
      expect(res.status, res.text).toBe(422);
      expect(res.json).toMatchObject({
        error: 'unprocessable',
        field: c.outcome.field,
        mismatch: c.outcome.mismatch,
      });
      if (c.outcome.mismatch === 'scope')
        expect(res.json?.outside).toEqual(
          expect.arrayContaining(c.items.filter((i) => NAMING.includes(i) || i === 'factors')),
        );
      expect(await lastAudit(current().db, nurse.id)).toMatchObject({
        action: 'referral.create',
        outcome: 'failure',
      });
    });
  });

  it('a draft cannot widen its share, or move to another partner, beyond its consent', async () => {
    const draft = ok(
      await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
        partnerId: partners.linde,
        reasonText: 'Slaapproblemen',
        items: ['child_age'],
        consentId: consents.lindeSleep,
      }),
      201,
    );
    const wider = await nurse.client.request('PATCH', `/api/referrals/${draft.id}`, {
      body: { version: draft.version, items: ['child_age', 'child_name', 'address'] },
    });
    expect(wider.status).toBe(422);
    expect(wider.json).toMatchObject({ field: 'items', outside: ['child_name', 'address'] });
    const moved = await nurse.client.request('PATCH', `/api/referrals/${draft.id}`, {
      body: { version: draft.version, partnerId: partners.imh, consentId: consents.lindeSleep },
    });
    expect(moved.status).toBe(422);
    expect(moved.json).toMatchObject({ field: 'consentId', mismatch: 'recipient' });
  });

  it('sending re-checks the consent: a draft on a consent that lost its scope is not sent', async () => {
    const draft = ok(
      await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
        partnerId: partners.linde,
        reasonText: 'Slaapproblemen',
        items: ['child_age'],
        consent: { givenBy: family.caregiverId, purpose: 'Overleg met de huisarts' },
      }),
      201,
    );
    expect(draft.consent).toMatchObject({ scope: ['reason', 'referrer', 'child_age'] });
    await current()
      .db.updateTable('consents')
      .set({ scope_items_json: null })
      .where('id', '=', String((draft.consent as { id: string }).id))
      .execute();
    const sent = await nurse.client.post(`/api/referrals/${draft.id}/send`, {
      version: draft.version,
      channel: 'phone',
    });
    expect(sent.status).toBe(422);
    expect(sent.json).toMatchObject({ field: 'consentId', mismatch: 'legacy' });
  });

  it('a consent recorded with the referral cannot be narrower than what the referral shares', async () => {
    const res = await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
      partnerId: partners.imh,
      reasonText: 'Onrust',
      items: ['child_age', 'child_name'],
      consent: { givenBy: family.caregiverId, purpose: 'Aanmelding', scope: ['child_age'] },
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ field: 'items', outside: ['child_name'] });
  });

  describe('emergency access is read-only', () => {
    let grantId = '';
    let draft: Record<string, unknown> = {};
    let sentId = '';

    beforeAll(async () => {
      draft = ok(
        await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
          partnerId: partners.imh,
          reasonText: 'Onrust en zorgen van ouders',
          items: ['child_age'],
          consentId: consents.imhAll,
        }),
        201,
      );
      const toSend = ok(
        await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
          partnerId: partners.linde,
          reasonText: 'Slaapproblemen',
          items: ['child_age'],
          consentId: consents.lindeSleep,
        }),
        201,
      );
      sentId = String(
        ok(
          await nurse.client.post(`/api/referrals/${toSend.id}/send`, {
            version: toSend.version,
            channel: 'phone',
          }),
        ).id,
      );
      const opened = ok(
        await stranger.client.post(`/api/families/${family.familyId}/emergency-access`, { reason: REASON }),
        201,
      );
      grantId = String(opened.id);
    });

    it('reads the file', async () => {
      const read = await stranger.client.get(`/api/families/${family.familyId}`);
      expect(read.status).toBe(200);
      expect(await lastAudit(current().db, stranger.id)).toMatchObject({
        action: 'family.read',
        basis: 'emergency',
      });
    });

    const WRITES: Array<[string, string, () => Promise<ApiResponse>]> = [
      [
        'record a consent',
        'consent.give',
        () =>
          stranger.client.post(`/api/families/${family.familyId}/consents`, {
            givenBy: family.caregiverId,
            purpose: 'Aanmelding bij het IMH-team',
            recipient: { partnerId: partners.imh },
            scope: ['child_age', ...NAMING],
          }),
      ],
      [
        'withdraw a consent',
        'consent.withdraw',
        () => stranger.client.post(`/api/consents/${consents.imhAll}/withdraw`),
      ],
      [
        'draft a referral',
        'referral.create',
        () =>
          stranger.client.post(`/api/families/${family.familyId}/referrals`, {
            partnerId: partners.imh,
            reasonText: 'Onrust',
            items: ['child_age', ...NAMING],
            consentId: consents.imhAll,
          }),
      ],
      [
        'change a referral',
        'referral.update',
        () =>
          stranger.client.request('PATCH', `/api/referrals/${draft.id}`, {
            body: { version: draft.version, items: ['child_age', ...NAMING] },
          }),
      ],
      [
        'send a referral',
        'referral.send',
        () => stranger.client.post(`/api/referrals/${draft.id}/send`, { version: draft.version }),
      ],
      [
        'print a referral letter',
        'referral.letter',
        () => stranger.client.get(`/api/referrals/${sentId}/letter`),
      ],
      ['export the file', 'export', () => stranger.client.get(`/api/families/${family.familyId}/export`)],
      [
        'read the access history',
        'family.access_log',
        () => stranger.client.get(`/api/families/${family.familyId}/access-log`),
      ],
      [
        'add to the care network',
        'care_network.add',
        () =>
          stranger.client.post(`/api/families/${family.familyId}/care-network`, {
            name: 'IMH-team',
            role: 'Behandelaar',
          }),
      ],
      [
        'change the family',
        'family.update',
        () =>
          stranger.client.request('PATCH', `/api/families/${family.familyId}`, {
            body: { version: 1, municipality: 'Zeist' },
          }),
      ],
      [
        'record a contact',
        'contact.create',
        () =>
          stranger.client.post(`/api/families/${family.familyId}/contacts`, {
            childId: family.childId,
            type: 'consult',
            date: '2026-03-01',
            status: 'final',
            agreedBand: 'safe',
          }),
      ],
    ];

    it.each(WRITES)('may not %s: 403, audited', async (_label, attempted, call) => {
      const before = await current()
        .db.selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('outcome', '=', 'success')
        .where('user_id', '=', stranger.id)
        .executeTakeFirst();
      const res = await call();
      expect(res.status, res.text).toBe(403);
      expect(res.json).toMatchObject({ error: 'forbidden', basis: 'emergency' });
      const audit = await lastAudit(current().db, stranger.id);
      expect(audit).toMatchObject({ action: 'access.denied', outcome: 'denied', family_id: family.familyId });
      expect(JSON.parse(String(audit?.details_json))).toEqual({ attempted, why: 'not_under_emergency' });
      const after = await current()
        .db.selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('outcome', '=', 'success')
        .where('user_id', '=', stranger.id)
        .executeTakeFirst();
      expect(Number(after?.n)).toBe(Number(before?.n));
    });

    it('left nothing behind: no consent, referral or network member by the stranger', async () => {
      const db = current().db;
      const byStranger = await Promise.all([
        db.selectFrom('consents').select('id').where('recorded_by', '=', stranger.id).execute(),
        db.selectFrom('referrals').select('id').where('referrer_id', '=', stranger.id).execute(),
      ]);
      expect(byStranger).toEqual([[], []]);
      const withdrawn = await db
        .selectFrom('consents')
        .select('withdrawn_at')
        .where('id', '=', consents.imhAll)
        .executeTakeFirst();
      expect(withdrawn?.withdrawn_at).toBeNull();
    });

    it('notified the team lead of the user’s team at once, and nobody else', async () => {
      const notices = await current()
        .db.selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('emergency_access_id', '=', grantId)
        .execute();
      expect(notices).toEqual([{ user_id: lead.id, kind: 'emergency_access' }]);
      const listed = ok(await lead.client.get('/api/notifications'));
      expect(listed.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'emergency_access', emergencyAccessId: grantId }),
        ]),
      );
      expect(otherLead.id).not.toBe(lead.id);
      expect(manager.role).toBe('application_manager');
    });

    it('stays in the review queue until someone else reviews it; never by its own user', async () => {
      const queued = ok(await lead.client.get('/api/emergency-access'));
      expect((queued.items as Array<{ id: string }>).map((i) => i.id)).toContain(grantId);
      expect((await stranger.client.post(`/api/emergency-access/${grantId}/review`)).status).toBe(403);
      ok(await lead.client.post(`/api/emergency-access/${grantId}/review`));
      const open = ok(await manager.client.get('/api/emergency-access'));
      expect((open.items as Array<{ id: string }>).map((i) => i.id)).not.toContain(grantId);
    });
  });

  it('leaves an audit chain that verifies', async () => {
    expect((await verifyAuditChain(current().db)).ok).toBe(true);
  });
});
