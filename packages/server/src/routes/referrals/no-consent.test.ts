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

const ANSWERS = {
  purpose: 'Het kind beschermen tegen ernstige verwaarlozing',
  alternativeWithoutSharing: 'Nee: zonder gegevens kan het IMH-team niet beoordelen of het kind veilig is',
  consentSought: 'Drie keer gevraagd, in gesprek en per brief; moeder weigert elk contact',
  proportionality: 'Het gevaar voor het kind weegt zwaarder dan het belang van de ouder bij geheimhouding',
  whatToWhom: 'Alleen het IMH-team, alleen leeftijd, reden en de gesignaleerde factoren',
};

/**
 * Sharing without consent (guideline Thema 4): only after all five questions are answered AND a second
 * professional — a team lead of the same organisation, not the referrer — confirmed; never by one person.
 */
forEachDatabase('referrals without consent', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let lead: Actor;
  let leadReferrer: Actor;
  let outsiderLead: Actor;
  let imhUser: Actor;
  let family: SeededFamily;
  let partnerId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    lead = await actor(server, db, org, 'team_lead');
    leadReferrer = await actor(server, db, org, 'team_lead');
    outsiderLead = await actor(server, db, await createOrg(db), 'team_lead');
    const imhOrg = await createOrg(db, { kind: 'partner' });
    imhUser = await actor(server, db, imhOrg, 'imh_specialist');
    partnerId = await seedPartner(db, org.organisationId, {
      name: 'IMH-team',
      kind: 'imh_specialist',
      interventions: ['imh_team'],
      nestwerkOrganisationId: imhOrg.organisationId,
    });
    family = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, family.familyId, { userId: nurse.id }, nurse.id);
    await concerningContact(nurse, family);
  });
  afterAll(async () => {
    await server?.close();
  });

  const create = async (by: Actor, noConsent: Record<string, string>) =>
    ok(await by.client.post(`/api/families/${family.familyId}/referrals`, { partnerId, noConsent }), 201);
  const version = async (id: unknown) => Number(ok(await nurse.client.get(`/api/referrals/${id}`)).version);

  it('needs a basis: consent, or the five questions — not both, not neither', async () => {
    const none = await nurse.client.post(`/api/families/${family.familyId}/referrals`, { partnerId });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ error: 'invalid_input', field: 'consentId' });
  });

  it('cannot be sent without all five answers, nor confirmed while answers are missing', async () => {
    const r = await create(nurse, { purpose: ANSWERS.purpose, consentSought: ANSWERS.consentSought });
    expect(r).toMatchObject({
      basis: 'no_consent',
      flagged: true,
      consent: null,
      noConsent: {
        answers: {
          ...Object.fromEntries(Object.keys(ANSWERS).map((k) => [k, null])),
          purpose: ANSWERS.purpose,
          consentSought: ANSWERS.consentSought,
        },
        complete: false,
        confirmedBy: null,
      },
    });
    const send = await nurse.client.post(`/api/referrals/${r.id}/send`, { version: r.version });
    expect(send.status).toBe(422);
    expect(send.json).toMatchObject({ error: 'unprocessable', field: 'noConsent.alternativeWithoutSharing' });
    const confirm = await lead.client.post(`/api/referrals/${r.id}/confirm`, { version: r.version });
    expect(confirm.status).toBe(422);
    expect(confirm.json).toMatchObject({ field: 'noConsent.alternativeWithoutSharing' });
  });

  it('cannot be sent without a second professional, and the second cannot be the same person', async () => {
    const r = await create(nurse, ANSWERS);
    expect(r).toMatchObject({ noConsent: { complete: true, confirmedBy: null } });
    const unconfirmed = await nurse.client.post(`/api/referrals/${r.id}/send`, { version: r.version });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.json).toMatchObject({ field: 'confirmation' });

    // A nurse is not a team lead; a team lead of another organisation does not even see the referral.
    const byNurse = await nurse.client.post(`/api/referrals/${r.id}/confirm`, { version: r.version });
    expect(byNurse.status).toBe(403);
    expect(
      (await outsiderLead.client.post(`/api/referrals/${r.id}/confirm`, { version: r.version })).status,
    ).toBe(404);

    // A team lead cannot confirm their own referral.
    await relate(current().db, family.familyId, { userId: leadReferrer.id }, leadReferrer.id);
    const own = await create(leadReferrer, ANSWERS);
    const self = await leadReferrer.client.post(`/api/referrals/${own.id}/confirm`, { version: own.version });
    expect(self.status).toBe(403);
    expect(self.json).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining('second professional'),
    });

    const confirmed = ok(await lead.client.post(`/api/referrals/${r.id}/confirm`, { version: r.version }));
    expect(confirmed.noConsent).toMatchObject({ complete: true, confirmedBy: { id: lead.id } });
    // The one who confirmed does not also send.
    const byConfirmer = await lead.client.post(`/api/referrals/${r.id}/send`, { version: confirmed.version });
    expect(byConfirmer.status).toBe(422);
    expect(byConfirmer.json).toMatchObject({ field: 'confirmation' });

    // A change after confirmation needs a new confirmation.
    const changed = ok(
      await nurse.client.request('PATCH', `/api/referrals/${r.id}`, {
        body: { version: confirmed.version, items: ['child_age', 'parent_phone'] },
      }),
    );
    expect(changed.noConsent).toMatchObject({ confirmedBy: null, confirmedAt: null });
    expect(
      (await nurse.client.post(`/api/referrals/${r.id}/send`, { version: changed.version })).status,
    ).toBe(422);

    ok(await lead.client.post(`/api/referrals/${r.id}/confirm`, { version: await version(r.id) }));
    const sent = ok(await nurse.client.post(`/api/referrals/${r.id}/send`, { version: await version(r.id) }));
    expect(sent).toMatchObject({ status: 'sent', basis: 'no_consent', flagged: true });
    expect(sent.shared).toMatchObject({
      basis: 'no_consent',
      items: ['reason', 'referrer', 'child_age', 'parent_phone'],
    });
    const received = ok(await imhUser.client.get(`/api/intake/${r.id}`));
    expect(received.shared).toEqual(sent.shared);
  });

  it('is logged prominently: basis no_consent, flagged, with who confirmed; the chain verifies', async () => {
    const db = current().db;
    const confirms = await auditRows(db, 'referral.no_consent.confirm');
    expect(confirms.length).toBe(2);
    for (const c of confirms) {
      expect(c).toMatchObject({
        basis: 'no_consent',
        user_id: lead.id,
        family_id: family.familyId,
        outcome: 'success',
      });
      expect(JSON.parse(String(c.details_json))).toMatchObject({ flagged: true });
    }
    const shares = await auditRows(db, 'referral.share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ basis: 'no_consent', user_id: nurse.id, family_id: family.familyId });
    expect(shares[0]?.basis_detail).toContain('WITHOUT consent');
    expect(JSON.parse(String(shares[0]?.details_json))).toMatchObject({
      flagged: true,
      confirmedBy: lead.id,
    });
    const reads = await auditRows(db, 'referral.intake.read');
    expect(reads.map((r) => r.basis)).toEqual(['no_consent']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
