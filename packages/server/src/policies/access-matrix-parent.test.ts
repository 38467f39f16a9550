import { allRoutes } from '@nestwerk/contract';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { invitedParent, type PortalParent } from '../testing/portal-world.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../testing/world.ts';

/**
 * The parent's row of the access matrix: a parent session reaches no professional route of the contract
 * (every one answers 401, 403 or 404 — here 401, as the parent's cookie is no professional session), and a
 * professional session reaches no parent route (401). Public routes (`none`, `optional`) are left out.
 */
const PUBLIC = new Set(['none', 'optional', 'parent_optional']);
const PARENT = new Set(['parent', 'parent_pending']);

forEachDatabase('access matrix: the parent', (current) => {
  let server: TestServer;
  let nurse: Actor;
  let parent: PortalParent;
  let familyId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    const f = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
    familyId = f.familyId;
    parent = await invitedParent(server, nurse, f.familyId, f.caregiverId);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a parent session reaches no professional route', async () => {
    const routes = allRoutes().filter((r) => !PUBLIC.has(r.auth ?? 'full') && !PARENT.has(r.auth ?? 'full'));
    expect(routes.length).toBeGreaterThan(50);
    const reached: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, familyId);
      const res = await parent.client.request(route.method, path, route.method === 'GET' ? {} : { body: {} });
      if (![401, 403, 404].includes(res.status))
        reached.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(reached).toEqual([]);
    // The parent's own session still works after all that.
    expect((await parent.client.get('/api/portal/me')).status).toBe(200);
  });

  it('a professional session reaches no parent route', async () => {
    const routes = allRoutes().filter((r) => PARENT.has(r.auth ?? 'full'));
    expect(routes.length).toBeGreaterThan(8);
    const reached: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, familyId);
      const res = await nurse.client.request(route.method, path, route.method === 'GET' ? {} : { body: {} });
      if (res.status !== 401) reached.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(reached).toEqual([]);
  });
});
