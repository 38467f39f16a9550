import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiResponse, startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { concerningContact, ok, seedPartner } from '../../testing/network-world.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../../testing/world.ts';

const MISSING = '0190b3c4-dead-7000-8000-00000000beef';
const NOT_FOUND = { error: 'not_found', message: 'Not found.' };

/**
 * Every referrer-side route that touches a family answers a forbidden id exactly as a missing one — for a
 * colleague without a care relationship, another organisation, and the roles without family content
 * (application manager, analyst, IMH specialist).
 */
forEachDatabase('network routes: forbidden reads as not found', (current) => {
  let server: TestServer;
  let owner: Actor;
  const others: Record<string, Actor> = {};
  const ids = { family: '', draft: '', sent: '', route: '', member: '' };

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    owner = await actor(server, db, org, 'nurse');
    others.colleague = await actor(server, db, org, 'physician', { team: 'other' });
    others.outsider = await actor(server, db, await createOrg(db), 'team_lead');
    others.manager = await actor(server, db, org, 'application_manager');
    others.analyst = await actor(server, db, org, 'analyst');
    const imhOrg = await createOrg(db, { kind: 'partner' });
    others.imh = await actor(server, db, imhOrg, 'imh_specialist');
    const partnerId = await seedPartner(db, org.organisationId, {
      name: 'IMH',
      kind: 'imh_specialist',
      interventions: ['imh_team'],
      nestwerkOrganisationId: imhOrg.organisationId,
    });
    const f = await seedFamily(db, org.organisationId, owner.id);
    await relate(db, f.familyId, { userId: owner.id }, owner.id);
    await concerningContact(owner, f);
    const body = {
      partnerId,
      consent: { givenBy: f.caregiverId, purpose: 'Aanmelding', validUntil: '2026-12-31' },
    };
    const draft = ok(await owner.client.post(`/api/families/${f.familyId}/referrals`, body), 201);
    const toSend = ok(await owner.client.post(`/api/families/${f.familyId}/referrals`, body), 201);
    const sent = ok(await owner.client.post(`/api/referrals/${toSend.id}/send`, { version: toSend.version }));
    const route = ok(
      await owner.client.post(`/api/families/${f.familyId}/safety-route`, { concerns: ['neglect'] }),
      201,
    );
    const team = ok(
      await owner.client.post(`/api/families/${f.familyId}/care-network`, {
        name: 'Dr. Jansen',
        role: 'Huisarts',
      }),
      201,
    );
    Object.assign(ids, {
      family: f.familyId,
      draft: String(draft.id),
      sent: String(sent.id),
      route: String(route.id),
      member: String((team.members as Array<{ id: string }>)[0]?.id),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  type Call = (a: Actor, real: boolean) => Promise<ApiResponse>;
  const fam = (r: boolean) => (r ? ids.family : MISSING);
  const routes: Array<[string, Call]> = [
    ['GET referral-options', (a, r) => a.client.get(`/api/families/${fam(r)}/referral-options`)],
    ['GET family referrals', (a, r) => a.client.get(`/api/families/${fam(r)}/referrals`)],
    [
      'POST referral',
      (a, r) => a.client.post(`/api/families/${fam(r)}/referrals`, { partnerId: MISSING, noConsent: {} }),
    ],
    ['GET referral', (a, r) => a.client.get(`/api/referrals/${r ? ids.sent : MISSING}`)],
    [
      'PATCH referral',
      (a, r) =>
        a.client.request('PATCH', `/api/referrals/${r ? ids.draft : MISSING}`, { body: { version: 1 } }),
    ],
    ['GET preview', (a, r) => a.client.get(`/api/referrals/${r ? ids.draft : MISSING}/preview`)],
    [
      'POST confirm',
      (a, r) => a.client.post(`/api/referrals/${r ? ids.draft : MISSING}/confirm`, { version: 1 }),
    ],
    ['POST send', (a, r) => a.client.post(`/api/referrals/${r ? ids.draft : MISSING}/send`, { version: 1 })],
    [
      'POST status',
      (a, r) =>
        a.client.post(`/api/referrals/${r ? ids.sent : MISSING}/status`, { version: 1, status: 'closed' }),
    ],
    [
      'POST feedback',
      (a, r) =>
        a.client.post(`/api/referrals/${r ? ids.sent : MISSING}/feedback`, { text: 'x', via: 'phone' }),
    ],
    [
      'POST withdraw-consent',
      (a, r) => a.client.post(`/api/referrals/${r ? ids.sent : MISSING}/withdraw-consent`),
    ],
    ['GET letter', (a, r) => a.client.get(`/api/referrals/${r ? ids.sent : MISSING}/letter`)],
    ['GET care-network', (a, r) => a.client.get(`/api/families/${fam(r)}/care-network`)],
    [
      'POST care-network',
      (a, r) => a.client.post(`/api/families/${fam(r)}/care-network`, { name: 'X', role: 'Y' }),
    ],
    [
      'DELETE care-network member',
      (a, r) => a.client.delete(`/api/families/${fam(r)}/care-network/${ids.member}`),
    ],
    ['GET safety-route', (a, r) => a.client.get(`/api/families/${fam(r)}/safety-route`)],
    [
      'POST safety-route',
      (a, r) => a.client.post(`/api/families/${fam(r)}/safety-route`, { concerns: ['neglect'] }),
    ],
    ['GET safety route', (a, r) => a.client.get(`/api/safety-routes/${r ? ids.route : MISSING}`)],
    [
      'POST safety step',
      (a, r) => a.client.post(`/api/safety-routes/${r ? ids.route : MISSING}/steps`, { step: 1, notes: 'x' }),
    ],
  ];

  it.each(routes)('%s: the same 404 for every outsider as for a missing id', async (_name, call) => {
    const missing = await call(owner, false);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(NOT_FOUND);
    for (const [who, a] of Object.entries(others)) {
      const res = await call(a, true);
      expect([who, res.status, res.text]).toEqual([who, 404, missing.text]);
    }
  });

  it('the owner is not refused by any of them (the 404s above are about access, not about the routes)', async () => {
    expect((await owner.client.get(`/api/referrals/${ids.sent}`)).status).toBe(200);
    expect((await owner.client.get(`/api/families/${ids.family}/care-network`)).status).toBe(200);
    expect((await owner.client.get(`/api/safety-routes/${ids.route}`)).status).toBe(200);
  });
});
