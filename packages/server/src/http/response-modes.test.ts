import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { api } from '@nestwerk/contract';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { compiledSerializerCompiler, type ZodSchema } from './response-serializer.ts';
import { ApiClient, startTestServer, type TestServer } from './test-server.ts';

/**
 * Production writes response bodies with serializers compiled from the contract; tests check them with zod.
 * Over every GET route of the API, as each demo role and the demo parent, the body each handler returned is
 * written by both, and the two must give the same JSON value (key order aside): what the tests prove is what
 * production sends. (Two servers side by side would not do: a read adds audit rows, so a second read of the
 * access log differs.)
 */
const PASSWORD = 'correct horse battery';
const TODAY = new Date('2026-11-23T12:00:00.000Z');
const PROFESSIONALS = [
  'verpleegkundige@demo.nestwerk.test',
  'teamleider@demo.nestwerk.test',
  'imh@demo.nestwerk.test',
  'beheer@demo.nestwerk.test',
  'gemeente@demo.nestwerk.test',
  'verpleegkundige.be@demo.nestwerk.test',
];

type Ids = Record<string, string>;

function getRoutes(): Array<{ path: string; parent: boolean }> {
  const out: Array<{ path: string; parent: boolean }> = [];
  for (const group of Object.values(api))
    for (const route of Object.values(
      group as Record<string, { method: string; path: string; auth?: string }>,
    ))
      if (route.method === 'GET')
        out.push({ path: route.path, parent: (route.auth ?? 'full').startsWith('parent') });
  return out;
}

/** Fills `:param`s from the segment before each (a family id after `families`, …); unknown ones get a new id. */
function fill(path: string, ids: Ids): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => (part.startsWith(':') ? (ids[parts[i - 1] ?? ''] ?? randomUUID()) : part))
    .join('/');
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}

forEachDatabase('response bodies in production equal those checked in tests', (current) => {
  let server: TestServer;
  const ids: Ids = {};
  /** Per request, in the order written: the route, and whether both serializers gave the same JSON value. */
  const written: Array<{ url: string; same: boolean; checked: string; compiled: string }> = [];
  const both: FastifySerializerCompiler<ZodSchema> = (route) => {
    const check = zodSerializerCompiler(route);
    const compiled = compiledSerializerCompiler(route);
    return (data: unknown) => {
      const checked = check(data);
      let other: string;
      try {
        other = compiled(data);
      } catch (err) {
        other = `compiled serializer threw: ${(err as Error).message}`;
      }
      const same = (() => {
        try {
          return isDeepStrictEqual(sorted(JSON.parse(checked)), sorted(JSON.parse(other)));
        } catch {
          return false;
        }
      })();
      written.push({ url: route.url, same, checked, compiled: other });
      return checked;
    };
  };

  beforeAll(async () => {
    const { db } = current();
    await loadDemo(db, { families: 30, seed: 'modes', today: TODAY, password: PASSWORD });
    server = await startTestServer({ db, dialect: current().dialect, responses: both });
    const nurse = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', PROFESSIONALS[0] ?? '')
      .executeTakeFirstOrThrow();
    const family = await db
      .selectFrom('care_relationships as cr')
      .innerJoin('contacts as c', 'c.family_id', 'cr.family_id')
      .select(['cr.family_id', 'c.id as contact_id', 'c.child_id'])
      .where('cr.user_id', '=', nurse.id)
      .orderBy('c.date', 'desc')
      .executeTakeFirstOrThrow();
    const person = await db
      .selectFrom('persons')
      .select('id')
      .where('family_id', '=', family.family_id)
      .where('kind', '!=', 'child')
      .executeTakeFirst();
    const referral = await db.selectFrom('referrals').select('id').orderBy('id').executeTakeFirst();
    Object.assign(ids, {
      families: family.family_id,
      contacts: family.contact_id,
      children: family.child_id ?? '',
      persons: person?.id ?? '',
      referrals: referral?.id ?? '',
      intake: referral?.id ?? '',
      CodeSystem: 'cue',
    });
  }, 240_000);
  afterAll(() => server?.close());

  async function compareAs(login: (client: ApiClient) => Promise<void>, parent: boolean): Promise<number> {
    const client = new ApiClient(server.url);
    await login(client);
    let ok = 0;
    for (const route of getRoutes().filter((r) => r.parent === parent)) {
      const path = fill(route.path, ids);
      written.length = 0;
      const res = await client.get(path);
      expect(res.status, path).toBeLessThan(500);
      for (const w of written)
        expect(w.compiled, `${path}: compiled vs checked`).toBe(w.same ? w.compiled : w.checked);
      if (res.status === 200 && written.length > 0) ok += 1;
    }
    return ok;
  }

  it('for every GET route, as each professional role', async () => {
    let answered = 0;
    for (const email of PROFESSIONALS)
      answered += await compareAs(async (c) => {
        const res = await c.post('/api/session', { email, password: PASSWORD });
        expect(res.status, `${email}: ${res.text}`).toBe(200);
      }, false);
    // Not a vacuous comparison: most routes answered with a real body for some role.
    expect(answered).toBeGreaterThan(60);
  }, 240_000);

  it('for every GET route of the portal, as the demo parent', async () => {
    const answered = await compareAs(async (c) => {
      const res = await c.post('/api/portal/session', {
        email: 'ouder@demo.nestwerk.test',
        password: PASSWORD,
      });
      expect(res.status, res.text).toBe(200);
    }, true);
    expect(answered).toBeGreaterThan(4);
  }, 120_000);
});
