import { allRoutes } from '@nestwerk/contract';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../testing/world.ts';

/**
 * The analyst's row of the access matrix over every family route of the contract: aggregates only, so every
 * route that names a family, contact, referral or person answers 403 or 404 — for a family of the analyst's
 * own organisation — while the dashboard answers.
 */
const FAMILY_PATHS =
  /^\/api\/(families|contacts|referrals|persons|agreements|consents|safety-routes|screenings|worklist|care-network)/;

forEachDatabase('access matrix: the analyst', (current) => {
  let server: TestServer;
  let analyst: Actor;
  let familyId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    analyst = await actor(server, db, org, 'analyst');
    const nurse = await actor(server, db, org, 'nurse');
    const f = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
    familyId = f.familyId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reaches no family route and does reach the dashboard', async () => {
    // The referral letter's stylesheet is the same static file for everyone: no family in it.
    const routes = allRoutes().filter(
      (r) => r.method === 'GET' && FAMILY_PATHS.test(r.path) && r.produces !== 'text/css',
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, familyId);
      const res = await analyst.client.get(path);
      expect([403, 404], `${route.path} → ${res.status}`).toContain(res.status);
    }
    expect((await analyst.client.get('/api/dashboard')).status).toBe(200);
  });
});
