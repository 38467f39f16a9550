import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { loadDemo } from './load.ts';

const PASSWORD = 'correct horse battery';

/** The demo's social maps and referrals, as the demo accounts meet them. */
forEachDatabase('demo network', (current) => {
  let server: TestServer;
  const login = async (local: string) => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', {
      email: `${local}@demo.nestwerk.test`,
      password: PASSWORD,
    });
    if (res.status !== 200) throw new Error(res.text);
    return client;
  };

  beforeAll(async () => {
    const { db } = current();
    await loadDemo(db, {
      families: 200,
      seed: 'network',
      today: new Date('2026-03-02T12:00:00Z'),
      password: PASSWORD,
    });
    server = await startTestServer({ db, dialect: current().dialect });
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * Each demo referral reads like the contact that advised it: the reason it rests on (two of the four criteria
   * in the Netherlands, one IMH signal in Flanders) and a child within the IMH team's age span.
   */
  const expectReasonsOfTheAdvisingContact = async (imh: ApiClient, region: 'nl' | 'be') => {
    const queue = (await imh.get('/api/intake?status=all')).json as { items: Array<{ id: string }> };
    expect(queue.items.length).toBeGreaterThan(0);
    for (const item of queue.items) {
      const { shared } = (await imh.get(`/api/intake/${item.id}`)).json as {
        shared: { reason: { criteria: unknown[]; imhReasons: unknown[] }; child: { ageMonths: number } };
      };
      if (region === 'nl') expect(shared.reason.criteria.length).toBeGreaterThanOrEqual(2);
      else expect(shared.reason.imhReasons.length).toBeGreaterThanOrEqual(1);
      expect(shared.child.ageMonths).toBeLessThan(60);
    }
  };

  it('has a Dutch and a Flemish social map; the IMH team of imh@demo receives via Nestwerk', async () => {
    const nurse = await login('verpleegkundige');
    const nl = (await nurse.get('/api/partners?limit=200')).json as {
      items: Array<Record<string, unknown>>;
      total: number;
    };
    const kinds = new Set(nl.items.map((p) => p.kind));
    for (const k of [
      'gp',
      'midwife',
      'gynaecologist',
      'maternity_care',
      'paediatrician',
      'youth_mental_health',
      'imh_specialist',
      'pop_poli',
      'youth_care',
      'lvb_care',
      'integrale_vroeghulp',
      'wijkteam',
      'veilig_thuis',
    ])
      expect(kinds.has(k), k).toBe(true);
    const imh = nl.items.find((p) => p.kind === 'imh_specialist') as {
      registration: { viaNestwerk: boolean; nestwerkOrganisationId: string };
    };
    expect(imh.registration.viaNestwerk).toBe(true);
    const imhOrg = await current()
      .db.selectFrom('users')
      .select('organisation_id')
      .where('email', '=', 'imh@demo.nestwerk.test')
      .executeTakeFirstOrThrow();
    expect(imh.registration.nestwerkOrganisationId).toBe(imhOrg.organisation_id);
    const be = await current()
      .db.selectFrom('partners')
      .innerJoin('organisations', 'organisations.id', 'partners.organisation_id')
      .select('partners.kind')
      .where('organisations.region', '=', 'be')
      .execute();
    const beKinds = new Set(be.map((p) => p.kind));
    for (const k of [
      'kind_en_gezin',
      'cgg_baby_toddler_team',
      'huis_van_het_kind',
      'caw',
      'vertrouwenscentrum_kindermishandeling',
      'perinatal_network',
    ])
      expect(beKinds.has(k), k).toBe(true);
  });

  it('puts a few referrals in the IMH team’s intake queue, with only the shared minimum', async () => {
    const imh = await login('imh');
    const queue = (await imh.get('/api/intake?status=all')).json as {
      items: Array<Record<string, unknown>>;
      total: number;
    };
    expect(queue.total).toBeGreaterThan(0);
    const first = queue.items[0] as { id: string };
    const detail = (await imh.get(`/api/intake/${first.id}`)).json as { shared: Record<string, unknown> };
    expect(Object.keys(detail.shared).sort()).toEqual(
      [
        'basis',
        'child',
        'cues',
        'factors',
        'interventions',
        'items',
        'parentWishes',
        'reason',
        'referralId',
        'referrer',
        'region',
      ].sort(),
    );
    expect(Object.keys(detail.shared.child as object)).toEqual(['ageMonths']);
    await expectReasonsOfTheAdvisingContact(imh, 'nl');
    const nurse = await login('verpleegkundige');
    const worklist = (await nurse.get('/api/worklist?limit=200')).json as {
      items: Array<{ overdueFeedback: number }>;
    };
    expect(worklist.items.some((i) => i.overdueFeedback > 0)).toBe(true);
  });

  it('gives Flanders its own IMH team: the Flemish nurse refers to it via Nestwerk, imh.be@ sees the referrals', async () => {
    const nurse = await login('verpleegkundige.be');
    const map = (await nurse.get('/api/partners?limit=200')).json as {
      items: Array<{ kind: string; name: string; registration: { viaNestwerk: boolean } }>;
    };
    const kinds = new Set(map.items.map((p) => p.kind));
    for (const k of ['kind_en_gezin', 'cgg_baby_toddler_team', 'vertrouwenscentrum_kindermishandeling'])
      expect(kinds.has(k), k).toBe(true);
    expect(kinds.has('veilig_thuis')).toBe(false);
    const team = map.items.find((p) => p.kind === 'cgg_baby_toddler_team');
    expect(team?.registration.viaNestwerk).toBe(true);

    const worklist = (await nurse.get('/api/worklist?limit=50')).json as { total: number };
    expect(worklist.total).toBeGreaterThan(0);

    const imh = await login('imh.be');
    const queue = (await imh.get('/api/intake?status=all')).json as {
      items: Array<{ summary: { referrer: { organisation: string } } | null }>;
      total: number;
    };
    expect(queue.total).toBeGreaterThan(0);
    for (const item of queue.items)
      expect(item.summary?.referrer.organisation).toBe('Kind en Gezin Scheldeland');
    await expectReasonsOfTheAdvisingContact(imh, 'be');
    // The Dutch team does not see Flemish referrals, nor the other way round.
    const dutch = (await (await login('imh')).get('/api/intake?status=all')).json as {
      items: Array<{ summary: { referrer: { organisation: string } } | null }>;
    };
    for (const item of dutch.items) expect(item.summary?.referrer.organisation).toBe('JGZ Veldland');
  });

  it('tells no referral story that the family file contradicts', async () => {
    const { db } = current();
    const referrals = await db
      .selectFrom('referrals as r')
      .select(['r.family_id', 'r.reason_text', 'r.factors_json'])
      .execute();
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) {
      const roles = (
        await db
          .selectFrom('persons')
          .select('caregiver_role')
          .where('family_id', '=', r.family_id)
          .where('kind', '=', 'caregiver')
          .execute()
      ).map((p) => p.caregiver_role);
      const text = r.reason_text ?? '';
      const factors = JSON.parse(r.factors_json ?? '[]') as string[];
      if (/\bmama\b/i.test(text)) expect(roles, text).toContain('mother');
      if (/\bpapa\b/i.test(text)) expect(roles, text).toContain('father');
      if (text.includes('alleenstaande')) expect(roles, text).toHaveLength(1);
      if (text.includes('somber')) expect(factors, text).not.toContain('parent_mental_health');
    }
  });
});
