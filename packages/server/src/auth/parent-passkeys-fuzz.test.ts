import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { LONG_SESSIONS } from '../testing/network-world.ts';
import { passkeyParent } from '../testing/passkey-world.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';
import { type Actor, actor, createOrg, type Org, relate, seedFamily } from '../testing/world.ts';

/** Nothing a client sends to the passkey routes may produce a 5xx or leak internals. */
function expectHarmless(res: ApiResponse, what: string): void {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|SqliteError|error: relation/);
  expect(String(res.json?.error), what).toMatch(/^[a-z_]+$/);
}

const b64 = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64url') || 'AA');
const attempt = fc.oneof(fc.constant('A'.repeat(43)), fc.string({ maxLength: 60 }));

/** Shaped like a WebAuthn answer, with random bytes: reaches the library's CBOR and signature code. */
const registrationLike = fc.record({
  attemptId: attempt,
  credential: fc.record({
    id: b64,
    rawId: b64,
    type: fc.constant('public-key'),
    response: fc.record({ clientDataJSON: b64, attestationObject: b64 }),
    clientExtensionResults: fc.constant({}),
  }),
});
const loginLike = fc.record({
  attemptId: attempt,
  credential: fc.record({
    id: b64,
    rawId: b64,
    type: fc.constant('public-key'),
    response: fc.record({ clientDataJSON: b64, authenticatorData: b64, signature: b64 }),
    clientExtensionResults: fc.constant({}),
  }),
});
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom('attemptId', 'credential', 'code', 'email', 'response', '__proto__'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  registrationLike,
  loginLike,
);

forEachDatabase('parent portal passkeys: garbage in', (current) => {
  let server: TestServer;
  let nurse: Actor;
  let org: Org;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({
      db,
      dialect: current().dialect,
      config: {
        ...LONG_SESSIONS,
        // Fuzzing fails many log-ins from one address: the throttle must not turn them into 429s here.
        login: {
          maxFailuresPerAccount: 100_000,
          lockMinutes: 1,
          maxAttemptsPerIp: 100_000,
          maxStartsPerIp: 100_000,
          windowMinutes: 15,
        },
      },
    });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers garbage bodies with a 4xx on every passkey route, anonymous and logged in', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id);
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const parent = await passkeyParent(server, nurse, f.familyId, f.caregiverId);
    const anonymous = new ApiClient(server.url);
    const routes: Array<[ApiClient, string]> = [
      [anonymous, '/api/portal/invitations/redeem-passkey'],
      [anonymous, '/api/portal/session/passkey'],
      [anonymous, '/api/portal/session/passkey/options'],
      [parent.client, '/api/portal/passkeys'],
      [parent.client, '/api/portal/passkeys/options'],
      [anonymous, '/api/portal/session/passkey-registration'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), garbage, async ([client, path], body) => {
        const res = await client.request('POST', path, { body });
        // The options routes take an empty body: {} and null are fine there, anything else is refused.
        if (res.status === 200 || res.status === 201) {
          expect(path, JSON.stringify(body)).toMatch(/options$/);
          return;
        }
        expectHarmless(res, `${path} ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
    for (const [client, path] of routes) {
      const raw = await client.request('POST', path, {
        rawBody: '{"attemptId": "x", "credential": ',
        headers: { 'content-type': 'application/json' },
      });
      expectHarmless(raw, `${path} broken JSON`);
    }
    expectHarmless(await parent.client.delete('/api/portal/passkeys/not-a-uuid'), 'delete bad id');
    // Well-formed answers from a passkey the server never saw still verify as refused, not crash.
    const stray = new SoftAuthenticator(server.url);
    const options = await anonymous.post('/api/portal/session/passkey/options');
    const res = await anonymous.post('/api/portal/session/passkey', {
      attemptId: options.json?.attemptId,
      credential: stray.authenticate(options.json?.options as { challenge: string }),
    });
    expect(res.status).toBe(401);
  });
});
