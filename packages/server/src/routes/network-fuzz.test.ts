import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import type { ApiResponse, TestServer } from '../http/test-server.ts';
import { startTestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { concerningContact, LONG_SESSIONS, ok, seedPartner } from '../testing/network-world.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../testing/world.ts';

/**
 * Hostile input against every network and referral route, from the three kinds of user that use
 * them — the referring nurse, the application manager and the receiving IMH specialist — each with real
 * resources to aim at: never a 5xx, never a stack trace, always our error shape.
 */

function expectHarmless(res: ApiResponse, request: string): void {
  const what = request.slice(0, 300);
  expect(res.status, what).toBeLessThan(500);
  if (res.status === 431) return;
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|SqliteError|error: |stack/i);
  if (res.status >= 400 && res.text !== '') expect(String(res.json?.error), what).toMatch(/^[a-z_]+$/);
}

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '\u0000',
    '__proto__',
    'constructor',
    '\ud800',
    'x'.repeat(5_000),
    '2026-02-30',
    '-1',
    '1e309',
    '',
    'imh_team,,theraplay',
    'refer_outside',
    '=HYPERLINK("x")',
    'name;kind\n"unclosed',
  ),
);
const scalar = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(hostile, scalar, { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function mutated(base: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = [...Object.keys(base), '__proto__', 'extra'];
  return fc
    .dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 })
    .map((over) => JSON.stringify({ ...base, ...over }));
}

type Who = 'nurse' | 'manager' | 'imh';
interface Target {
  who: Who;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: (id: string) => string;
  id: keyof Ids | 'none';
  body?: (ids: Ids) => Record<string, unknown>;
}
interface Ids {
  family: string;
  caregiver: string;
  partner: string;
  draft: string;
  sent: string;
  route: string;
  member: string;
  notification: string;
}

const T = (t: Target) => t;
const TARGETS: Target[] = [
  T({ who: 'nurse', method: 'GET', id: 'family', path: (id) => `/api/families/${id}/referral-options` }),
  T({ who: 'nurse', method: 'GET', id: 'family', path: (id) => `/api/families/${id}/referrals` }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'family',
    path: (id) => `/api/families/${id}/referrals`,
    body: (ids) => ({
      partnerId: ids.partner,
      consent: { givenBy: ids.caregiver, purpose: 'P', validUntil: '2026-12-31' },
      items: ['child_age'],
      cues: ['parent_misses_child_stress'],
    }),
  }),
  T({ who: 'nurse', method: 'GET', id: 'sent', path: (id) => `/api/referrals/${id}` }),
  T({ who: 'nurse', method: 'GET', id: 'draft', path: (id) => `/api/referrals/${id}/preview` }),
  T({ who: 'nurse', method: 'GET', id: 'sent', path: (id) => `/api/referrals/${id}/letter` }),
  T({
    who: 'nurse',
    method: 'PATCH',
    id: 'draft',
    path: (id) => `/api/referrals/${id}`,
    body: () => ({ version: 1, items: ['child_name'], noConsent: { purpose: 'x' } }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'draft',
    path: (id) => `/api/referrals/${id}/send`,
    body: () => ({ version: 1 }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'draft',
    path: (id) => `/api/referrals/${id}/confirm`,
    body: () => ({ version: 1 }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'sent',
    path: (id) => `/api/referrals/${id}/status`,
    body: () => ({ version: 2, status: 'closed', reason: 'x' }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'sent',
    path: (id) => `/api/referrals/${id}/feedback`,
    body: () => ({ text: 'x', via: 'phone' }),
  }),
  T({ who: 'nurse', method: 'GET', id: 'family', path: (id) => `/api/families/${id}/care-network` }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'family',
    path: (id) => `/api/families/${id}/care-network`,
    body: () => ({ name: 'X', role: 'Y', coordinator: true, phone: '030 123 4567' }),
  }),
  T({
    who: 'nurse',
    method: 'PATCH',
    id: 'member',
    path: (id) => `/api/families/00000000-0000-7000-8000-000000000000/care-network/${id}`,
    body: () => ({ version: 1, coordinator: true }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'family',
    path: (id) => `/api/families/${id}/safety-route`,
    body: () => ({ concerns: ['neglect'] }),
  }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'route',
    path: (id) => `/api/safety-routes/${id}/steps`,
    body: () => ({ step: 2, notes: 'x', answers: { consulted: ['colleague'] } }),
  }),
  T({ who: 'nurse', method: 'GET', id: 'none', path: () => '/api/notifications' }),
  T({
    who: 'nurse',
    method: 'POST',
    id: 'notification',
    path: (id) => `/api/notifications/${id}/read`,
    body: () => ({}),
  }),
  T({ who: 'manager', method: 'GET', id: 'none', path: () => '/api/partners' }),
  T({ who: 'manager', method: 'GET', id: 'partner', path: (id) => `/api/partners/${id}` }),
  T({
    who: 'manager',
    method: 'POST',
    id: 'none',
    path: () => '/api/partners',
    body: () => ({
      name: 'N',
      kind: 'gp',
      country: 'nl',
      region: 'R',
      municipalities: ['A'],
      interventions: ['imh_team'],
    }),
  }),
  T({
    who: 'manager',
    method: 'PATCH',
    id: 'partner',
    path: (id) => `/api/partners/${id}`,
    body: () => ({ version: 1, agreements: { feedbackDays: 10 }, registration: { phone: '030 1234567' } }),
  }),
  T({
    who: 'manager',
    method: 'POST',
    id: 'none',
    path: () => '/api/partners/import',
    body: () => ({ csv: 'name;kind;country;region\nA;gp;nl;R\n"B";caw;be;"x"' }),
  }),
  T({ who: 'manager', method: 'GET', id: 'none', path: () => '/api/partners/export' }),
  T({ who: 'imh', method: 'GET', id: 'none', path: () => '/api/intake' }),
  T({ who: 'imh', method: 'GET', id: 'sent', path: (id) => `/api/intake/${id}` }),
  T({
    who: 'imh',
    method: 'POST',
    id: 'sent',
    path: (id) => `/api/intake/${id}/status`,
    body: () => ({ status: 'accepted', intakeDate: '2026-04-01' }),
  }),
  T({
    who: 'imh',
    method: 'POST',
    id: 'sent',
    path: (id) => `/api/intake/${id}/plan`,
    body: () => ({ intakeDate: '2026-04-02' }),
  }),
  T({
    who: 'imh',
    method: 'POST',
    id: 'sent',
    path: (id) => `/api/intake/${id}/feedback`,
    body: () => ({ text: 'Gezien' }),
  }),
];

const QUERY_KEYS = [
  'recommendation',
  'contactId',
  'kind',
  'q',
  'country',
  'municipality',
  'intervention',
  'status',
  'unread',
  'offset',
  'limit',
  'archived',
];

function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

forEachDatabase('network routes fuzz', (current) => {
  let server: TestServer;
  const actors: Partial<Record<Who, Actor>> = {};
  const ids: Ids = {
    family: '',
    caregiver: '',
    partner: '',
    draft: '',
    sent: '',
    route: '',
    member: '',
    notification: '',
  };

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
    const org = await createOrg(db);
    const nurse = await actor(server, db, org, 'nurse');
    const imhOrg = await createOrg(db, { kind: 'partner' });
    actors.nurse = nurse;
    actors.manager = await actor(server, db, org, 'application_manager');
    actors.imh = await actor(server, db, imhOrg, 'imh_specialist');
    const partner = await seedPartner(db, org.organisationId, {
      name: 'IMH',
      kind: 'imh_specialist',
      interventions: ['imh_team'],
      nestwerkOrganisationId: imhOrg.organisationId,
    });
    const f = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
    await concerningContact(nurse, f);
    const body = {
      partnerId: partner,
      consent: { givenBy: f.caregiverId, purpose: 'P', validUntil: '2026-12-31' },
    };
    const draft = ok(await nurse.client.post(`/api/families/${f.familyId}/referrals`, body), 201);
    const toSend = ok(await nurse.client.post(`/api/families/${f.familyId}/referrals`, body), 201);
    const sent = ok(await nurse.client.post(`/api/referrals/${toSend.id}/send`, { version: toSend.version }));
    const route = ok(
      await nurse.client.post(`/api/families/${f.familyId}/safety-route`, { concerns: ['neglect'] }),
      201,
    );
    const team = ok(
      await nurse.client.post(`/api/families/${f.familyId}/care-network`, { name: 'A', role: 'B' }),
      201,
    );
    const notes = ok(await actors.imh.client.get('/api/notifications'));
    Object.assign(ids, {
      family: f.familyId,
      caregiver: f.caregiverId,
      partner,
      draft: String(draft.id),
      sent: String(sent.id),
      route: String(route.id),
      member: String((team.members as Array<{ id: string }>)[0]?.id),
      notification: String((notes.items as Array<{ id: string }>)[0]?.id),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('survives hostile bodies, ids and query strings on every network route without a 5xx or a stack trace', async () => {
    const query = fc
      .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), hostile.map(enc)), { maxLength: 3 })
      .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
    const request = fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((i) => {
      const target = TARGETS[i] as Target;
      const id = fc.oneof(
        { weight: 3, arbitrary: fc.constant(target.id === 'none' ? '' : ids[target.id]) },
        { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
        { weight: 1, arbitrary: hostile.map(enc) },
      );
      const body = target.body
        ? fc.oneof(
            { weight: 4, arbitrary: mutated(target.body(ids)) },
            { weight: 1, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
            { weight: 1, arbitrary: fc.constantFrom('{', 'null', '"x"', '[['.repeat(300)) },
          )
        : fc.constant(undefined);
      return fc.record({ target: fc.constant(target), id, query, body });
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ target, id, query: q, body }) => {
        const path = `${target.path(id)}${q}`;
        const client = (actors[target.who] as Actor).client;
        const res = await client.request(
          target.method,
          path,
          body === undefined ? {} : { rawBody: body, headers: { 'content-type': 'application/json' } },
        );
        expectHarmless(res, `${target.who} ${target.method} ${path} ${body ?? ''}`);
      }),
      { numRuns: 1500 },
    );
    expect((await verifyAuditChain(current().db)).ok).toBe(true);
  }, 300_000);
});
