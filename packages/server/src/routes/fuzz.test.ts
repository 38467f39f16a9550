import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import type { ApiResponse, TestServer } from '../http/test-server.ts';
import { startTestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../testing/world.ts';

/**
 * Thousands of malformed, oversized and hostile requests against every domain route, from a logged-in nurse
 * who has real resources to aim at (so hostile input also reaches the handlers, not only the validator):
 * never a 5xx, never a stack trace or an internal detail, and always our error shape.
 */

function expectHarmless(res: ApiResponse, request: string): void {
  const what = request.slice(0, 300);
  expect(res.status, what).toBeLessThan(500);
  // Node's HTTP parser answers an over-long URL itself, before any of our code runs.
  if (res.status === 431) return;
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|SqliteError|error: |stack/i);
  if (res.status >= 400 && res.text !== '') expect(String(res.json?.error), what).toMatch(/^[a-z_]+$/);
}

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'); DROP TABLE families; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    'a\u0000b',
    '%00',
    '__proto__',
    'constructor',
    '\ud800',
    '💥'.repeat(40),
    'x'.repeat(20_000),
    '2026-02-30',
    '9999-12-31',
    '0000-00-00',
    '-1',
    '1e309',
    '',
  ),
);

const scalar = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 2 ** 31, -(2 ** 31) - 1),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(hostile, scalar, { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid body with some fields replaced by hostile values, so the damage reaches deep. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(base), '__proto__', 'constructor', 'extra'];
  return fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 }).map((over) => ({ ...base, ...over }));
}

interface Target {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: (id: string) => string;
  body?: (ids: Ids) => Record<string, unknown>;
}

interface Ids {
  family: string;
  child: string;
  caregiver: string;
  contact: string;
  agreement: string;
  consent: string;
}

const contact = (ids: Ids) => ({
  childId: ids.child,
  type: 'consult',
  date: '2026-03-01',
  status: 'draft',
  cues: { shared_enjoyment: true },
  factors: { parent_stress: { value: 'present', reportedBy: 'parent' } },
  criteria: {},
  agreedBand: 'safe',
  agreement: {
    text: 'Tips',
    nextTopicPermission: true,
    nextTopic: 'Slapen',
    extraContact: false,
    followUpDue: '2026-04-01',
  },
});

const TARGETS: Array<[keyof Ids | 'none', Target]> = [
  ['none', { method: 'GET', path: () => '/api/worklist' }],
  ['none', { method: 'GET', path: () => '/api/families' }],
  ['none', { method: 'GET', path: () => '/api/audit' }],
  ['none', { method: 'GET', path: () => '/api/emergency-access' }],
  ['none', { method: 'GET', path: () => '/api/instruments' }],
  [
    'none',
    {
      method: 'POST',
      path: () => '/api/families',
      body: (ids) => ({
        name: 'F',
        children: [{ givenName: 'A', familyName: 'B', birthDate: '2025-01-01' }],
        caregivers: [{ givenName: 'C', familyName: 'D', role: 'mother', birthYear: 1990 }],
        _ids: ids.family,
      }),
    },
  ],
  ['family', { method: 'GET', path: (id) => `/api/families/${id}` }],
  [
    'family',
    {
      method: 'PATCH',
      path: (id) => `/api/families/${id}`,
      body: () => ({ version: 1, name: 'N', postcode: '1234 AB' }),
    },
  ],
  ['family', { method: 'GET', path: (id) => `/api/families/${id}/access-log` }],
  ['family', { method: 'GET', path: (id) => `/api/families/${id}/export` }],
  [
    'family',
    {
      method: 'POST',
      path: (id) => `/api/families/${id}/persons`,
      body: () => ({ kind: 'child', givenName: 'A', familyName: 'B', dueDate: '2026-06-01' }),
    },
  ],
  ['family', { method: 'POST', path: (id) => `/api/families/${id}/contacts`, body: contact }],
  [
    'family',
    {
      method: 'POST',
      path: (id) => `/api/families/${id}/consents`,
      body: (ids) => ({
        givenBy: ids.caregiver,
        purpose: 'P',
        recipient: { kind: 'gp', name: 'R' },
        scope: ['child_age'],
        validUntil: '2027-01-01',
      }),
    },
  ],
  [
    'family',
    {
      method: 'POST',
      path: (id) => `/api/families/${id}/instrument-responses`,
      body: (ids) => ({ childId: ids.child, instrumentId: 'lsvg', answers: { i1: 1 } }),
    },
  ],
  [
    'family',
    {
      method: 'POST',
      path: (id) => `/api/families/${id}/emergency-access`,
      body: () => ({ reason: 'Een reden van voldoende lengte hier' }),
    },
  ],
  [
    'caregiver',
    {
      method: 'PATCH',
      path: (id) => `/api/persons/${id}`,
      body: () => ({ version: 1, phone: '+31 6 1234 5678', birthYear: 1990 }),
    },
  ],
  ['contact', { method: 'GET', path: (id) => `/api/contacts/${id}` }],
  [
    'contact',
    { method: 'PUT', path: (id) => `/api/contacts/${id}`, body: (ids) => ({ ...contact(ids), version: 1 }) },
  ],
  [
    'agreement',
    {
      method: 'PATCH',
      path: (id) => `/api/agreements/${id}`,
      body: () => ({ version: 1, status: 'done', followUpDue: '2026-05-01' }),
    },
  ],
  ['consent', { method: 'POST', path: (id) => `/api/consents/${id}/withdraw`, body: () => ({}) }],
  [
    'none',
    {
      method: 'POST',
      path: () => '/api/emergency-access/0190b3c4-dead-7000-8000-00000000beef/review',
      body: () => ({}),
    },
  ],
];

/** Percent-encodes what can be encoded; lone surrogates go out as raw, invalid UTF-8 escapes. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .replace(/[\ud800-\udfff]/g, '%ED%A0%80')
      .replace(/[^\w%-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`);
  }
}

/** Broken escapes the server must decode without falling over. */
const rawEscapes = fc.constantFrom('%ED%A0%80', '%FF%FE', '%', '%E0%A4%A', '%00', '%2e%2e%2f', '..%2F..%2F');

const QUERY_KEYS = [
  'q',
  'scope',
  'due',
  'offset',
  'limit',
  'familyId',
  'userId',
  'from',
  'to',
  'reviewed',
  'q[]',
  '__proto__',
];

forEachDatabase('domain routes fuzz', (current) => {
  let server: TestServer;
  let nurse: Actor;
  const ids: Ids = { family: '', child: '', caregiver: '', contact: '', agreement: '', consent: '' };

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    const f = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
    const c = await nurse.client.post(
      `/api/families/${f.familyId}/contacts`,
      contact({ ...ids, child: f.childId }),
    );
    const consent = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
      givenBy: f.caregiverId,
      purpose: 'P',
      recipient: { kind: 'gp', name: 'R' },
      scope: ['child_age'],
    });
    const made = c.json?.contact as { id: string; agreement: { id: string } };
    Object.assign(ids, {
      family: f.familyId,
      child: f.childId,
      caregiver: f.caregiverId,
      contact: made.id,
      agreement: made.agreement.id,
      consent: String(consent.json?.id),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const idArb = (kind: keyof Ids | 'none') =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(kind === 'none' ? '' : ids[kind]) },
      { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
      { weight: 2, arbitrary: hostile.map(enc) },
      { weight: 1, arbitrary: rawEscapes },
    );

  const query = fc
    .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(hostile.map(enc), rawEscapes)), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

  it('survives hostile bodies, parameters and query strings without a 5xx or a stack trace', async () => {
    const request = fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((i) => {
      const [kind, target] = TARGETS[i] as [keyof Ids | 'none', Target];
      const body = target.body
        ? fc.oneof(
            { weight: 4, arbitrary: mutated(target.body(ids)).map((b) => JSON.stringify(b)) },
            { weight: 1, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
            {
              weight: 1,
              arbitrary: fc.constantFrom('{', '[1,', 'null', '"x"', '{"a":'.repeat(200), '[['.repeat(600)),
            },
          )
        : fc.constant(undefined);
      return fc.record({ target: fc.constant(target), id: idArb(kind), query, body });
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ target, id, query: q, body }) => {
        const path = `${target.path(id)}${q}`;
        const res = await nurse.client.request(
          target.method,
          path,
          body === undefined ? {} : { rawBody: body, headers: { 'content-type': 'application/json' } },
        );
        expectHarmless(res, `${target.method} ${path} ${body ?? ''}`);
      }),
      { numRuns: 2500 },
    );
  }, 300_000);

  it('rejects oversized bodies with 413 and keeps a verifiable audit chain', async () => {
    const huge = JSON.stringify({ ...contact(ids), notes: 'x'.repeat(2_000_000) });
    const res = await nurse.client.request('POST', `/api/families/${ids.family}/contacts`, {
      rawBody: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expectHarmless(res, 'huge body');
    expect((await verifyAuditChain(current().db)).ok).toBe(true);
  });
});
