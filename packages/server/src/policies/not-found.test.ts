import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../testing/world.ts';

const MISSING = '0190b3c4-dead-7000-8000-00000000beef';

/**
 * Every route that addresses something inside a family file answers a forbidden id exactly as a missing one:
 * same status, same bytes. Checked for a colleague without a relationship and for another organisation.
 */
forEachDatabase('forbidden reads as not found', (current) => {
  let server: TestServer;
  let owner: Actor;
  let stranger: Actor;
  let outsider: Actor;
  const ids = { family: '', contact: '', person: '', consent: '', agreement: '', child: '' };

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    owner = await actor(server, db, org, 'nurse');
    stranger = await actor(server, db, org, 'physician', { team: 'other' });
    outsider = await actor(server, db, await createOrg(db), 'team_lead');
    const f = await seedFamily(db, org.organisationId, owner.id);
    await relate(db, f.familyId, { userId: owner.id }, owner.id);
    const contact = await owner.client.post(`/api/families/${f.familyId}/contacts`, {
      childId: f.childId,
      type: 'consult',
      date: '2026-03-01',
      status: 'final',
      agreedBand: 'safe',
      agreement: { text: 'Afspraak', nextTopicPermission: false, extraContact: false },
    });
    const consent = await owner.client.post(`/api/families/${f.familyId}/consents`, {
      givenBy: f.caregiverId,
      purpose: 'Overleg met huisarts',
      recipient: { kind: 'gp', name: 'Huisarts' },
      scope: ['child_age'],
    });
    const c = contact.json?.contact as { id: string; agreement: { id: string } };
    Object.assign(ids, {
      family: f.familyId,
      child: f.childId,
      person: f.caregiverId,
      contact: c.id,
      agreement: c.agreement.id,
      consent: String(consent.json?.id),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const contactBody = (childId: string) => ({
    childId,
    type: 'consult',
    date: '2026-03-01',
    status: 'final',
    agreedBand: 'safe',
    cues: {},
    factors: {},
    criteria: {},
  });

  const routes: Array<[string, (a: Actor, real: boolean) => Promise<ApiResponse>]> = [
    ['GET family', (a, r) => a.client.get(`/api/families/${r ? ids.family : MISSING}`)],
    [
      'PATCH family',
      (a, r) =>
        a.client.request('PATCH', `/api/families/${r ? ids.family : MISSING}`, {
          body: { version: 1, name: 'X' },
        }),
    ],
    ['GET access-log', (a, r) => a.client.get(`/api/families/${r ? ids.family : MISSING}/access-log`)],
    ['GET export', (a, r) => a.client.get(`/api/families/${r ? ids.family : MISSING}/export`)],
    [
      'POST person',
      (a, r) =>
        a.client.post(`/api/families/${r ? ids.family : MISSING}/persons`, {
          kind: 'caregiver',
          givenName: 'A',
          familyName: 'B',
          role: 'father',
        }),
    ],
    [
      'PATCH person',
      (a, r) =>
        a.client.request('PATCH', `/api/persons/${r ? ids.person : MISSING}`, {
          body: { version: 1, givenName: 'X' },
        }),
    ],
    [
      'POST contact',
      (a, r) => a.client.post(`/api/families/${r ? ids.family : MISSING}/contacts`, contactBody(ids.child)),
    ],
    ['GET contact', (a, r) => a.client.get(`/api/contacts/${r ? ids.contact : MISSING}`)],
    [
      'PUT contact',
      (a, r) =>
        a.client.request('PUT', `/api/contacts/${r ? ids.contact : MISSING}`, {
          body: { ...contactBody(ids.child), version: 1 },
        }),
    ],
    [
      'POST consent',
      (a, r) =>
        a.client.post(`/api/families/${r ? ids.family : MISSING}/consents`, {
          givenBy: ids.person,
          purpose: 'P',
          recipient: { kind: 'gp', name: 'R' },
          scope: ['child_age'],
        }),
    ],
    ['POST withdraw', (a, r) => a.client.post(`/api/consents/${r ? ids.consent : MISSING}/withdraw`)],
    [
      'PATCH agreement',
      (a, r) =>
        a.client.request('PATCH', `/api/agreements/${r ? ids.agreement : MISSING}`, {
          body: { version: 1, status: 'done' },
        }),
    ],
    [
      'POST instrument response',
      (a, r) =>
        a.client.post(`/api/families/${r ? ids.family : MISSING}/instrument-responses`, {
          childId: ids.child,
          instrumentId: 'lsvg',
          answers: {},
        }),
    ],
  ];

  it.each(routes)(
    '%s: same 404 for a colleague without relationship, another organisation and a missing id',
    async (_n, call) => {
      for (const who of [stranger, outsider]) {
        const forbidden = await call(who, true);
        const missing = await call(who, false);
        expect(forbidden.status, forbidden.text).toBe(404);
        expect(forbidden.text).toBe(missing.text);
        expect([...forbidden.headers.keys()].sort()).toEqual([...missing.headers.keys()].sort());
      }
      // …and nothing was changed by the refused writes.
      const file = await owner.client.get(`/api/families/${ids.family}`);
      expect(file.json).toMatchObject({ name: expect.stringMatching(/^Familie/), version: 1 });
    },
  );

  it('a break-the-glass attempt on another organisation looks like a missing family', async () => {
    const reason = { reason: 'Spoedoverleg met de huisarts over dit gezin vannacht' };
    const forbidden = await outsider.client.post(`/api/families/${ids.family}/emergency-access`, reason);
    const missing = await outsider.client.post(`/api/families/${MISSING}/emergency-access`, reason);
    expect(forbidden.status).toBe(404);
    expect(forbidden.text).toBe(missing.text);
  });
});
