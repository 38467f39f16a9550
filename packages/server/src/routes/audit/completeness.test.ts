import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.ts';
import { ApiClient, startTestServer, type TestServer } from '../../http/test-server.ts';
import { auditRowsOfFamily } from '../../repositories/family-audit-rows.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import {
  type Actor,
  actor,
  createOrg,
  type Org,
  relate,
  type SeededFamily,
  seedFamily,
} from '../../testing/world.ts';

const REASON = 'Huisarts belt met acute zorgen, eigen verpleegkundige is afwezig';

forEachDatabase('audit completeness', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let manager: Actor;
  let mine: SeededFamily;
  let theirs: SeededFamily;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    manager = await actor(server, db, org, 'application_manager');
    mine = await seedFamily(db, org.organisationId, nurse.id, { name: 'Vlinderbos' });
    await relate(db, mine.familyId, { userId: nurse.id }, nurse.id);
    theirs = await seedFamily(db, org.organisationId, manager.id, { name: 'Ander' });
    await relate(db, theirs.familyId, { teamId: org.otherTeamId }, manager.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const rowsOf = (where: { userId?: string; familyId?: string; action?: string }) => {
    let q = current().db.selectFrom('audit_log').selectAll();
    if (where.userId) q = q.where('user_id', '=', where.userId);
    if (where.familyId) q = q.where('family_id', '=', where.familyId);
    if (where.action) q = q.where('action', '=', where.action);
    return q.orderBy('seq').execute();
  };

  it('fills on_behalf_of: the team for caseload work, the grant under break-the-glass', async () => {
    expect((await nurse.client.get(`/api/families/${mine.familyId}`)).status).toBe(200);
    const [read] = (await rowsOf({ userId: nurse.id, action: 'family.read' })).slice(-1);
    expect(read?.on_behalf_of).toBe(`team:${org.teamId}`);

    const opened = await nurse.client.post(`/api/families/${theirs.familyId}/emergency-access`, {
      reason: REASON,
    });
    expect(opened.status).toBe(201);
    const grant = String(opened.json?.id);
    const [start] = (await rowsOf({ userId: nurse.id, action: 'emergency_access.start' })).slice(-1);
    expect(start?.on_behalf_of).toBe(`emergency:${grant}`);
    expect((await nurse.client.get(`/api/families/${theirs.familyId}`)).status).toBe(200);
    const [underGlass] = (await rowsOf({ familyId: theirs.familyId, action: 'family.read' })).slice(-1);
    expect(underGlass).toMatchObject({ basis: 'emergency', on_behalf_of: `emergency:${grant}` });

    await manager.client.get('/api/admin/users');
    const [list] = (await rowsOf({ userId: manager.id, action: 'admin.user.list' })).slice(-1);
    expect(list?.on_behalf_of).toBe(`organisation:${org.organisationId}`);
  });

  it('records each family shown by a search and by the worklist in one hashed row, found in its access log', async () => {
    const search = await nurse.client.get('/api/families?q=Vlinderbos');
    expect(search.status).toBe(200);
    expect(search.json?.total).toBe(1);
    const [searchRow] = (await rowsOf({ userId: nurse.id, action: 'family.search' })).slice(-1);
    expect(JSON.parse(searchRow?.details_json ?? '{}').familyIds).toEqual([mine.familyId]);
    const ofFamily = () =>
      current()
        .db.selectFrom(auditRowsOfFamily(current().db, mine.familyId).as('a'))
        .selectAll()
        .orderBy('a.seq')
        .execute();
    const listed = (await ofFamily()).filter((r) => r.action === 'family.search.listed');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      user_id: nurse.id,
      outcome: 'success',
      family_id: mine.familyId,
      seq: searchRow?.seq,
      hash: searchRow?.hash,
    });
    // The family's log says it was shown; the term and the other families stay in the search's own row.
    expect(listed[0]?.details_json).not.toContain('Vlinderbos');
    expect(JSON.parse(listed[0]?.details_json ?? '{}')).toEqual({ via: 'family.search' });

    expect((await nurse.client.get('/api/worklist')).status).toBe(200);
    expect((await ofFamily()).filter((r) => r.action === 'worklist.read.listed')).toHaveLength(1);
    // The other family was in neither list: its log shows no listing.
    const theirsListed = await current()
      .db.selectFrom(auditRowsOfFamily(current().db, theirs.familyId).as('a'))
      .select('a.action')
      .where('a.action', 'like', '%.listed')
      .execute();
    expect(theirsListed).toEqual([]);

    const log = await nurse.client.get(`/api/families/${mine.familyId}/access-log`);
    expect(log.status).toBe(200);
    const actions = ((log.json?.items ?? []) as Array<{ action: string }>).map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['family.search.listed', 'worklist.read.listed']));
  });

  it('logs the user list, 401 answers and CSRF rejections, without secrets', async () => {
    expect((await manager.client.get('/api/admin/users')).status).toBe(200);
    const [list] = (await rowsOf({ userId: manager.id, action: 'admin.user.list' })).slice(-1);
    expect(list).toMatchObject({ outcome: 'success', basis: 'admin' });

    const anonymous = new ApiClient(server.url);
    const denied = await anonymous.get(`/api/families/${mine.familyId}?q=secret-term`);
    expect(denied.status).toBe(401);
    const [unauth] = (await rowsOf({ action: 'request.unauthenticated' })).slice(-1);
    expect(unauth).toMatchObject({ outcome: 'denied', user_id: null });
    expect(JSON.parse(unauth?.details_json ?? '{}')).toEqual({
      method: 'GET',
      route: '/api/families/:id',
      reason: 'absent',
    });
    expect(unauth?.details_json).not.toContain(mine.familyId);
    expect(unauth?.details_json).not.toContain('secret-term');

    const forged = await nurse.client.request('POST', `/api/families/${mine.familyId}/consents`, {
      body: {},
      headers: { 'x-csrf-token': 'forged-token-value' },
    });
    expect(forged.status).toBe(403);
    const [csrf] = (await rowsOf({ action: 'request.csrf_rejected' })).slice(-1);
    expect(csrf).toMatchObject({ outcome: 'denied', user_id: nurse.id });
    for (const secret of ['forged-token-value', nurse.client.csrfToken ?? '?', nurse.client.cookie ?? '?'])
      expect(JSON.stringify(csrf)).not.toContain(secret);
  });

  it('shows the application manager who did what, but not reasons or search terms', async () => {
    const res = await manager.client.get(`/api/audit?userId=${nurse.id}&limit=200`);
    expect(res.status).toBe(200);
    const items = res.json?.items as Array<{ action: string; basisDetail: string | null; details: unknown }>;
    const emergency = items.filter((i) => i.action === 'emergency_access.start');
    expect(emergency.length).toBeGreaterThan(0);
    for (const i of emergency) expect(i.basisDetail).toBe('[redacted]');
    const searches = items.filter((i) => i.action === 'family.search');
    expect(searches.length).toBeGreaterThan(0);
    for (const i of searches) expect(i.details).toMatchObject({ query: '[redacted]' });
    expect(res.text).not.toContain(REASON);
    expect(res.text).not.toContain('Vlinderbos');
  });

  it('leaves an intact chain', async () => {
    expect(await verifyAuditChain(current().db)).toMatchObject({ ok: true });
  });
});
