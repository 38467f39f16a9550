import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.ts';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { auditRows, ok } from '../../testing/network-world.ts';
import { type Actor, actor, createOrg, lastAudit, type Org } from '../../testing/world.ts';

forEachDatabase('social map (partners)', (current) => {
  let server: TestServer;
  let org: Org;
  let manager: Actor;
  let nurse: Actor;
  let analyst: Actor;
  let otherManager: Actor;
  let imhOrgId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db);
    manager = await actor(server, db, org, 'application_manager');
    nurse = await actor(server, db, org, 'nurse');
    analyst = await actor(server, db, org, 'analyst');
    otherManager = await actor(server, db, await createOrg(db), 'application_manager');
    imhOrgId = (await createOrg(db, { kind: 'partner' })).organisationId;
  });
  afterAll(async () => {
    await server?.close();
  });

  const imhTeam = () => ({
    name: 'IMH-team Veldland',
    kind: 'imh_specialist',
    country: 'nl',
    region: 'Utrecht-West',
    municipalities: ['Utrecht', 'Woerden'],
    interventions: ['theraplay', 'imh_team'],
    address: 'Lindelaan 3, Utrecht',
    phone: '030 123 4500',
    website: 'https://imh.example',
    registration: {
      email: 'aanmelden@imh.example',
      nestwerkOrganisationId: imhOrgId,
      note: 'Bij voorkeur via Nestwerk',
    },
    agreements: { feedbackDays: 10, dataExchange: 'Alleen met toestemming, via Nestwerk' },
    reachability: 'ma–vr 9–17 uur',
  });

  it('the application manager adds, changes and archives partners; every change is audited', async () => {
    const created = ok(await manager.client.post('/api/partners', imhTeam()), 201);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'IMH-team Veldland',
      kind: 'imh_specialist',
      country: 'nl',
      region: 'Utrecht-West',
      municipalities: ['Utrecht', 'Woerden'],
      interventions: ['imh_team', 'theraplay'],
      address: 'Lindelaan 3, Utrecht',
      phone: '030 123 4500',
      email: null,
      website: 'https://imh.example',
      registration: {
        phone: null,
        email: 'aanmelden@imh.example',
        viaNestwerk: true,
        nestwerkOrganisationId: imhOrgId,
        note: 'Bij voorkeur via Nestwerk',
      },
      agreements: { feedbackDays: 10, dataExchange: 'Alleen met toestemming, via Nestwerk' },
      reachability: 'ma–vr 9–17 uur',
      note: null,
      archivedAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      version: 1,
    });
    expect(await lastAudit(current().db, manager.id)).toMatchObject({
      action: 'partner.create',
      basis: 'admin',
    });
    const patched = ok(
      await manager.client.request('PATCH', `/api/partners/${created.id}`, {
        body: { version: 1, municipalities: ['Utrecht'], agreements: { feedbackDays: 14 } },
      }),
    );
    expect(patched).toMatchObject({
      municipalities: ['Utrecht'],
      agreements: { feedbackDays: 14 },
      version: 2,
    });
    const stale = await manager.client.request('PATCH', `/api/partners/${created.id}`, {
      body: { version: 1, name: 'X' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'conflict', current: { version: 2 } });
    const archived = ok(await manager.client.delete(`/api/partners/${created.id}`));
    expect(archived.archivedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(ok(await nurse.client.get('/api/partners')).items).toEqual([]);
  });

  it('refuses what does not fit: a Flemish kind in the Netherlands, unknown codes, a non-receiving organisation', async () => {
    const flemish = await manager.client.post('/api/partners', { ...imhTeam(), kind: 'caw' });
    expect(flemish.status).toBe(400);
    expect(flemish.json).toMatchObject({ error: 'invalid_input', field: 'kind' });
    const code = await manager.client.post('/api/partners', { ...imhTeam(), interventions: ['hugs'] });
    expect(code.json).toMatchObject({ error: 'invalid_input', field: 'interventions.0' });
    const jgz = await manager.client.post('/api/partners', {
      ...imhTeam(),
      registration: { nestwerkOrganisationId: org.organisationId },
    });
    expect(jgz.json).toMatchObject({ field: 'registration.nestwerkOrganisationId' });
  });

  it('only the application manager maintains the map; professionals search it; analysts do not; other organisations do not see it', async () => {
    expect((await nurse.client.post('/api/partners', imhTeam())).status).toBe(403);
    expect((await analyst.client.get('/api/partners')).status).toBe(403);
    const created = ok(await manager.client.post('/api/partners', imhTeam()), 201);
    expect((await otherManager.client.get(`/api/partners/${created.id}`)).status).toBe(404);
    expect(
      (
        await otherManager.client.request('PATCH', `/api/partners/${created.id}`, {
          body: { version: 1, name: 'X' },
        })
      ).status,
    ).toBe(404);
    expect(ok(await otherManager.client.get('/api/partners')).total).toBe(0);
    expect(ok(await nurse.client.get(`/api/partners/${created.id}`)).name).toBe('IMH-team Veldland');
    expect(ok(await nurse.client.get('/api/partner-kinds')).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'veilig_thuis', regions: ['nl'] })]),
    );
  });

  it('imports good rows in one go and reports each rejected row with line, column and reason', async () => {
    const csv = [
      'name;kind;country;region;municipalities;interventions;intake_phone;feedback_days;nestwerk_organisation_id',
      `Huisartsen De Linde;gp;nl;Utrecht-West;Utrecht|Zeist;;030 765 4321;14;`,
      `Veilig Thuis Utrecht;veilig_thuis;nl;Utrecht;Utrecht;meldcode_veilig_thuis;0800 2000;;`,
      `;gp;nl;Utrecht;Utrecht;;;;`,
      `CAW Oost;caw;nl;Utrecht;Utrecht;;;;`,
      `Wijkteam Noord;wijkteam;nl;Utrecht;Utrecht;knuffelen;;abc;`,
      `"Kinderarts ""Zon""";paediatrician;nl;Utrecht;Utrecht;;;;${imhOrgId}`,
      `Te weinig;gp;nl`,
      `"Jeugd-GGZ
Centrum";youth_mental_health;be;Utrecht;Utrecht;;;;`,
      `Kraamzorg Thuis;maternity_care;nl;Utrecht;Utrecht;;;;${org.organisationId}`,
    ].join('\r\n');
    const report = ok(await manager.client.post('/api/partners/import', { csv }));
    expect(report).toEqual({
      dryRun: false,
      imported: 3,
      created: 3,
      updated: 0,
      rejected: [
        { line: 4, field: 'name', reason: 'must not be empty', code: 'required' },
        {
          line: 5,
          field: 'kind',
          reason: expect.stringContaining('does not exist in the Netherlands'),
          code: 'kind_region',
        },
        {
          line: 6,
          field: 'feedback_days',
          reason: 'must be a whole number of days (1–365)',
          code: 'whole_days',
          params: { max: 365 },
        },
        { line: 6, field: 'interventions', reason: expect.any(String), code: 'invalid_choice' },
        {
          line: 8,
          field: 'row',
          reason: 'has 3 fields; the header has 9',
          code: 'csv_row_fields',
          params: { found: 3, expected: 9 },
        },
        {
          line: 9,
          field: 'kind',
          reason: expect.stringContaining('does not exist in Flanders'),
          code: 'kind_region',
        },
        {
          line: 11,
          field: 'nestwerk_organisation_id',
          reason: 'not an organisation on Nestwerk that receives referrals',
          code: 'not_receiving',
        },
      ],
    });
    const names = (
      ok(await nurse.client.get('/api/partners?limit=200')).items as Array<{ name: string }>
    ).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Huisartsen De Linde', 'Kinderarts "Zon"', 'Veilig Thuis Utrecht']),
    );
    const audit = await auditRows(current().db, 'partner.import');
    expect(JSON.parse(String(audit.at(-1)?.details_json))).toEqual({
      created: 3,
      updated: 0,
      rejectedLines: [4, 5, 6, 8, 9, 11],
    });
    const dry = ok(await manager.client.post('/api/partners/import', { csv, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, imported: 3 });
    expect(ok(await nurse.client.get('/api/partners?limit=200')).total).toBe(names.length);
    const header = await manager.client.post('/api/partners/import', { csv: 'name;colour\nA;red' });
    expect(header.status).toBe(400);
    expect(header.json).toMatchObject({
      field: 'csv',
      message: expect.stringContaining('Unknown column "colour"'),
    });
  });

  it('searches and filters by region, municipality, kind, intervention and text', async () => {
    const names = async (query: string) =>
      (ok(await nurse.client.get(`/api/partners${query}`)).items as Array<{ name: string }>).map(
        (p) => p.name,
      );
    expect(await names('?kind=gp')).toEqual(['Huisartsen De Linde']);
    expect(await names('?municipality=zeist')).toEqual(['Huisartsen De Linde']);
    expect(await names('?intervention=meldcode_veilig_thuis')).toEqual(['Veilig Thuis Utrecht']);
    expect(await names('?q=zon')).toEqual(['Kinderarts "Zon"']);
    expect(await names('?region=utrecht-west&kind=gp')).toEqual(['Huisartsen De Linde']);
    expect(await names('?country=be')).toEqual([]);
    expect((await nurse.client.get('/api/partners?kind=dragon')).json).toMatchObject({ field: 'kind' });
  });

  it('exports the map as CSV that imports again as updates, with formula cells neutralised', async () => {
    ok(
      await manager.client.post('/api/partners', { ...imhTeam(), name: '=HYPERLINK("x")', registration: {} }),
      201,
    );
    const res = await manager.client.get('/api/partners/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.text.split('\r\n')[0]).toBe(
      'id,name,kind,country,region,municipalities,interventions,address,phone,email,website,intake_phone,intake_email,nestwerk_organisation_id,registration_note,feedback_days,data_exchange,reachability,note',
    );
    expect(res.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(res.text).toContain('030 765 4321');
    expect((await nurse.client.get('/api/partners/export')).status).toBe(403);
    const csv = res.text.replace('Huisartsen De Linde', 'Huisartsenpraktijk De Linde');
    const report = ok(await manager.client.post('/api/partners/import', { csv }));
    expect(report).toMatchObject({ created: 0, rejected: [] });
    expect(report.updated).toBe(report.imported);
    expect(
      (ok(await nurse.client.get('/api/partners?kind=gp')).items as Array<{ name: string }>)[0]?.name,
    ).toBe('Huisartsenpraktijk De Linde');
    expect((await verifyAuditChain(current().db)).ok).toBe(true);
  });
});
