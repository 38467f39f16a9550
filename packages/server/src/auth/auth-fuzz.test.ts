import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { createTestOrganisation, createTestUser, type TestUser } from './test-users.ts';

/** Nothing a client sends may produce a 5xx, a stack trace or an internal path. */
function expectHarmless(res: ApiResponse, what: string): void {
  expect(res.status, what).toBeLessThan(500);
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|SqliteError|error: relation/);
  if (res.status >= 400 && res.text !== '') {
    expect(String(res.json?.error), `${what}: error bodies are ours`).toMatch(/^[a-z_]+$/);
    expect(res.headers.get('content-security-policy'), what).toContain("default-src 'self'");
  }
}

const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '%00',
    '\u0000',
    '__proto__',
    'constructor',
    '💥'.repeat(50),
    'a'.repeat(5000),
    '000000',
    '',
  ),
);

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      'email',
      'password',
      'totp',
      'code',
      'currentPassword',
      'newPassword',
      'displayName',
      'role',
      'teamId',
      'resetTotp',
      '__proto__',
      'x',
    ),
    fc.oneof(
      hostileString,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(hostileString, { maxLength: 3 }),
      fc.object({ maxDepth: 2 }),
    ),
  ),
);

const rawBody = fc.oneof(
  jsonish.map((v) => JSON.stringify(v) ?? 'null'),
  hostileString,
  fc.constantFrom(
    '{',
    '{"email":',
    '[1,2',
    'null',
    '"str"',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{}}}',
    '[['.repeat(500),
  ),
  fc.nat({ max: 300_000 }).map((n) => `{"password":"${'p'.repeat(n)}"}`),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/ld+json',
  'gibberish',
  undefined,
);

const segment = fc.oneof(
  fc.uuid(),
  hostileString.map((s) => encodeURIComponent(s) || 'x'),
  fc.constantFrom('..', '%2e%2e', '%zz', '%', 'null', '-1', '0190f2a4-7c1e-7000-8000-000000000000'),
);

const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | undefined;
  csrf: 'valid' | 'none' | string;
  cookie: 'valid' | 'none' | string;
  extraHeader: [string, string] | undefined;
}

function requests(paths: fc.Arbitrary<string>, methods: string[]): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.constantFrom(...methods),
    path: paths,
    query: fc.oneof(
      fc.constant(''),
      fc
        .dictionary(fc.constantFrom('offset', 'limit', 'q', 'x', '__proto__'), hostileString, { maxKeys: 3 })
        .map((d) => `?${new URLSearchParams(d as Record<string, string>).toString()}`),
      fc.constantFrom('?limit=-1', '?offset=1e400', '?limit=NaN', '?limit[]=1', '?%zz', '?limit=1&limit=2'),
    ),
    body: fc.option(rawBody, { nil: undefined }),
    contentType,
    csrf: fc.oneof(fc.constantFrom('valid', 'none'), headerValue),
    cookie: fc.oneof(
      fc.constantFrom('valid', 'valid', 'none'),
      headerValue.map((v) => `nestwerk_session=${v}`),
    ),
    extraHeader: fc.option(
      fc.tuple(
        fc.constantFrom('x-forwarded-for', 'x-forwarded-proto', 'accept', 'origin', 'content-length-x'),
        headerValue,
      ),
      { nil: undefined },
    ),
  });
}

forEachDatabase('fuzzing the session and administration endpoints', (current) => {
  let server: TestServer;
  let manager: TestUser;
  let admin: ApiClient;

  async function send(r: FuzzRequest): Promise<ApiResponse> {
    if ((await admin.get('/api/session')).status !== 200) {
      admin = new ApiClient(server.url);
      await admin.post('/api/session', { email: manager.email, password: manager.password });
    }
    const headers: Record<string, string> = {};
    if (r.contentType) headers['content-type'] = r.contentType;
    if (r.csrf === 'valid' && admin.csrfToken) headers['x-csrf-token'] = admin.csrfToken;
    else if (r.csrf !== 'none' && r.csrf !== 'valid') headers['x-csrf-token'] = r.csrf;
    if (r.extraHeader) headers[r.extraHeader[0]] = r.extraHeader[1];
    const client = new ApiClient(server.url);
    if (r.cookie === 'valid') client.cookie = admin.cookie;
    else if (r.cookie !== 'none') client.cookie = r.cookie;
    const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body;
    return client.request(r.method, `${r.path}${r.query}`, {
      headers,
      csrf: false,
      ...(body === undefined ? {} : { rawBody: body }),
    });
  }

  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: { bodyLimitBytes: 64 * 1024 },
    });
    const org = await createTestOrganisation(current().db);
    manager = await createTestUser(current().db, org, {
      email: 'fuzz.beheer@ggd.example',
      role: 'application_manager',
      isDemo: true,
    });
    admin = new ApiClient(server.url);
    await admin.post('/api/session', { email: manager.email, password: manager.password });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('never answers hostile requests to the session endpoints with a 5xx or a stack trace', async () => {
    const paths = fc.constantFrom(
      '/api/session',
      '/api/session/totp',
      '/api/session/password',
      '/api/health',
    );
    await fc.assert(
      fc.asyncProperty(
        requests(paths, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']),
        async (r) => {
          expectHarmless(await send(r), `${r.method} ${r.path}${r.query} ${r.body?.slice(0, 80)}`);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('never answers hostile requests to the administration endpoints with a 5xx or a stack trace', async () => {
    const paths = fc.oneof(
      fc.constant('/api/admin/users'),
      segment.map((id) => `/api/admin/users/${id}/reset-password`),
      fc.tuple(segment, segment).map(([a, b]) => `/api/admin/${a}/${b}`),
    );
    await fc.assert(
      fc.asyncProperty(requests(paths, ['GET', 'POST', 'PUT', 'PATCH']), async (r) => {
        expectHarmless(await send(r), `${r.method} ${r.path}${r.query} ${r.body?.slice(0, 80)}`);
      }),
      { numRuns: 1500 },
    );
  });
});
