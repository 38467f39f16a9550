import { SAFETY_CONCERNS } from '@nestwerk/contract';
import { consentMismatch } from '@nestwerk/engine';
import { DEFAULT_SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { verifyPassword } from '../auth/password.ts';
import { sqliteHandleOf } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { addDays, localDate } from '../policies/calendar.ts';
import { checkDecision, parseStepAnswers } from '../routes/safety-routes/answers.ts';
import { createTestDatabase, forEachDatabase, testDialects } from '../testing/databases.ts';
import { foreignKeyViolations } from '../testing/foreign-keys.ts';
import { OPEN_ROUTE_DAYS } from './contact-record.ts';
import { DemoError, hasDemoData, loadDemo, resetDemoPassword } from './load.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const FAMILIES = 150;

forEachDatabase('demo data', (current, dialect) => {
  it('loads the organisations, the eleven staff accounts and N families, with one audit entry', async () => {
    const { db } = current();
    expect(await hasDemoData(db)).toBe(false);
    const progress: number[] = [];
    const result = await loadDemo(db, {
      families: FAMILIES,
      seed: 'test',
      today: TODAY,
      password: 'correct horse battery',
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress.at(-1)).toBe(FAMILIES);
    expect(await hasDemoData(db)).toBe(true);
    expect(result.accounts.map((a) => [a.email, a.role])).toEqual([
      ['verpleegkundige@demo.nestwerk.test', 'nurse'],
      ['jeugdarts@demo.nestwerk.test', 'physician'],
      ['teamleider@demo.nestwerk.test', 'team_lead'],
      ['imh@demo.nestwerk.test', 'imh_specialist'],
      ['beheer@demo.nestwerk.test', 'application_manager'],
      ['gemeente@demo.nestwerk.test', 'analyst'],
      ['verpleegkundige.be@demo.nestwerk.test', 'nurse'],
      ['teamverantwoordelijke.be@demo.nestwerk.test', 'team_lead'],
      ['imh.be@demo.nestwerk.test', 'imh_specialist'],
      ['beheer.be@demo.nestwerk.test', 'application_manager'],
      ['gemeente.be@demo.nestwerk.test', 'analyst'],
    ]);
    const flemish = await db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.email', 'organisations.region', 'organisations.kind'])
      .where('email', 'in', [
        'verpleegkundige.be@demo.nestwerk.test',
        'imh.be@demo.nestwerk.test',
        'teamverantwoordelijke.be@demo.nestwerk.test',
        'beheer.be@demo.nestwerk.test',
        'gemeente.be@demo.nestwerk.test',
      ])
      .orderBy('email')
      .execute();
    expect(flemish).toEqual([
      { email: 'beheer.be@demo.nestwerk.test', region: 'be', kind: 'jgz' },
      { email: 'gemeente.be@demo.nestwerk.test', region: 'be', kind: 'jgz' },
      { email: 'imh.be@demo.nestwerk.test', region: 'be', kind: 'partner' },
      { email: 'teamverantwoordelijke.be@demo.nestwerk.test', region: 'be', kind: 'jgz' },
      { email: 'verpleegkundige.be@demo.nestwerk.test', region: 'be', kind: 'jgz' },
    ]);

    const imh = await db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['organisations.kind', 'users.password_hash', 'users.is_demo', 'users.team_id'])
      .where('email', '=', 'imh@demo.nestwerk.test')
      .executeTakeFirstOrThrow();
    expect(imh).toMatchObject({ kind: 'partner', is_demo: 1 });
    expect(imh.team_id).not.toBeNull();
    expect(await verifyPassword(imh.password_hash, 'correct horse battery')).toBe(true);
    const regions = await db.selectFrom('organisations').select(['region', 'kind']).orderBy('name').execute();
    expect(regions).toEqual(
      expect.arrayContaining([
        { region: 'nl', kind: 'jgz' },
        { region: 'be', kind: 'jgz' },
        { region: 'nl', kind: 'partner' },
        { region: 'be', kind: 'partner' },
      ]),
    );
    const nlTeams = await db
      .selectFrom('teams')
      .innerJoin('organisations', 'organisations.id', 'teams.organisation_id')
      .where('organisations.region', '=', 'nl')
      .where('organisations.kind', '=', 'jgz')
      .select('teams.name')
      .execute();
    expect(nlTeams.length).toBeGreaterThanOrEqual(2);

    expect(await count(db, 'families')).toBe(FAMILIES);
    // The parent portal's demo parents, one per region: a caregiver with parental authority in a family of that
    // region's demo nurse, whose consent a referral rests on.
    expect(result.parents.map((p) => p.email)).toEqual([
      'ouder@demo.nestwerk.test',
      'ouder.be@demo.nestwerk.test',
    ]);
    for (const [email, region] of [
      ['ouder@demo.nestwerk.test', 'nl'],
      ['ouder.be@demo.nestwerk.test', 'be'],
    ] as const) {
      const parent = await db
        .selectFrom('parent_accounts as a')
        .innerJoin('persons as p', 'p.id', 'a.person_id')
        .innerJoin('families as f', 'f.id', 'a.family_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .innerJoin('consents as c', 'c.given_by', 'a.person_id')
        .innerJoin('referrals as r', 'r.consent_id', 'c.id')
        .select([
          'a.is_demo',
          'a.password_hash',
          'a.totp_secret',
          'p.parental_authority',
          'p.family_id',
          'o.region',
        ])
        .where('a.email', '=', email)
        .executeTakeFirstOrThrow();
      expect(parent, email).toMatchObject({ is_demo: 1, totp_secret: null, parental_authority: 1, region });
      expect(result.parents.find((p) => p.email === email)?.familyId).toBe(parent.family_id);
      expect(await verifyPassword(parent.password_hash, 'correct horse battery')).toBe(true);
    }
    const audit = await db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'demo.load', outcome: 'success' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    if (dialect === 'postgres') {
      // Planned by statistics from the first request on, not from whenever autovacuum next looks.
      const unanalysed = await sql<{ relname: string }>`
        select relname from pg_stat_user_tables
        where relname in ('families', 'persons', 'contacts', 'assessments', 'care_relationships')
          and last_analyze is null`.execute(db);
      expect(unanalysed.rows).toEqual([]);
    }
  });

  it('makes a plausible caseload: all ages from pregnancy to six, contacts over time, assessed and followed up', async () => {
    const { db } = current();
    const children = await db
      .selectFrom('persons')
      .select(['birth_date', 'due_date'])
      .where('kind', '=', 'child')
      .execute();
    const today = TODAY.toISOString().slice(0, 10);
    expect(children.some((c) => c.due_date !== null && c.due_date > today)).toBe(true);
    const ages = children
      .filter((c) => c.birth_date)
      .map((c) => (Date.parse(today) - Date.parse(c.birth_date!)) / 86_400_000 / 365.25);
    expect(Math.min(...ages)).toBeLessThan(0.5);
    expect(Math.max(...ages)).toBeGreaterThan(5);
    expect(Math.max(...ages)).toBeLessThanOrEqual(6.01);

    const caregiverRoles = await db
      .selectFrom('persons')
      .select('caregiver_role')
      .distinct()
      .where('kind', '=', 'caregiver')
      .execute();
    expect(caregiverRoles.map((r) => r.caregiver_role)).toEqual(expect.arrayContaining(['mother', 'father']));

    const perFamily = await db
      .selectFrom('contacts')
      .select(['family_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('family_id')
      .execute();
    expect(perFamily.some((r) => Number(r.n) >= 3)).toBe(true);
    expect(await count(db, 'assessments')).toBe(await count(db, 'contacts'));
    const versions = await db.selectFrom('assessments').select('knowledge_version').distinct().execute();
    expect(versions).toHaveLength(1);
    const bands = (await db.selectFrom('assessments').select('suggested_band').distinct().execute()).map(
      (r) => r.suggested_band,
    );
    expect(bands).toEqual(expect.arrayContaining(['safe', 'insecure']));
    // Stored result is the engine's own output for the stored input.
    const one = await db
      .selectFrom('assessments')
      .select(['input_json', 'result_json', 'suggested_band'])
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(one.result_json).relationship.suggestedBand).toBe(one.suggested_band);
    expect(JSON.parse(one.input_json)).toHaveProperty('child');

    const observations = await db.selectFrom('observations').select('kind').distinct().execute();
    expect(observations.map((o) => o.kind).sort()).toEqual(['criterion', 'cue', 'factor']);
    const overdue = await db
      .selectFrom('agreements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .where('follow_up_due', '<', today)
      .executeTakeFirstOrThrow();
    expect(Number(overdue.n)).toBeGreaterThan(0);
    const upcoming = await db
      .selectFrom('agreements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .where('follow_up_due', '>=', today)
      .executeTakeFirstOrThrow();
    expect(Number(upcoming.n)).toBeGreaterThan(Number(overdue.n));

    // The demo nurse has a caseload of her own, and the team sees more than that.
    const nurse = await db
      .selectFrom('users')
      .select(['id', 'team_id'])
      .where('email', '=', 'verpleegkundige@demo.nestwerk.test')
      .executeTakeFirstOrThrow();
    const own = await count(db, 'care_relationships', (q) =>
      q.where('user_id', '=', nurse.id).where('end_date', 'is', null),
    );
    const team = await count(db, 'care_relationships', (q) => q.where('team_id', '=', nurse.team_id));
    expect(own).toBeGreaterThan(5);
    expect(team).toBeGreaterThan(own);
    // The loader writes with the foreign-key checks off (SQLite; PostgreSQL as superuser): no key is broken,
    // and the checks are back on.
    expect(await foreignKeyViolations(db)).toEqual([]);
    if (dialect === 'sqlite') expect(sqliteHandleOf(db)!.pragma('foreign_keys', { simple: true })).toBe(1);
    else {
      const roles = await Promise.all(
        Array.from({ length: 3 }, () =>
          sql<{ session_replication_role: string }>`show session_replication_role`.execute(db),
        ),
      );
      expect(roles.map((r) => r.rows[0]?.session_replication_role)).toEqual(['origin', 'origin', 'origin']);
    }
  });

  it('never gives a child the first name of a parent or a sibling in the same family', async () => {
    const persons = await current()
      .db.selectFrom('persons')
      .select(['family_id', 'kind', 'given_name'])
      .where('given_name', '!=', 'Baby')
      .execute();
    const byFamily = new Map<string, string[]>();
    for (const p of persons)
      byFamily.set(p.family_id, [...(byFamily.get(p.family_id) ?? []), p.given_name ?? '']);
    const repeated = [...byFamily.values()].filter((names) => new Set(names).size !== names.length);
    expect(repeated).toEqual([]);
  });

  it("agrees a referral only with the parent's consent on file, and to the region's own team", async () => {
    const { db } = current();
    const agreed = await db
      .selectFrom('agreements as a')
      .innerJoin('families as f', 'f.id', 'a.family_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['a.family_id', 'a.text', 'a.next_topic', 'o.region'])
      .where('a.text', 'like', 'Samen besloten:%verwijzing%')
      .execute();
    expect(agreed.length).toBeGreaterThan(0);
    // A consent the referral can be made on: for the region's IMH team on the social map, covering what a
    // referral shares by default (engine consentMismatch, as the referral form and the server check it).
    const consents = await db
      .selectFrom('consents as c')
      .innerJoin('partners as p', 'p.id', 'c.recipient_partner_id')
      .select(['c.family_id', 'c.recipient', 'c.scope_items_json', 'p.id', 'p.kind', 'p.name'])
      .where('c.withdrawn_at', 'is', null)
      .where('p.nestwerk_organisation_id', 'is not', null)
      .execute();
    const usable = new Set(
      consents
        .filter(
          (c) =>
            consentMismatch(
              {
                recipient: { partnerId: c.id, kind: null, name: c.recipient },
                scope: JSON.parse(c.scope_items_json ?? 'null') as ShareItem[] | null,
              },
              c,
              DEFAULT_SHARE_ITEMS,
            ) === null,
        )
        .map((c) => c.family_id),
    );
    expect(agreed.filter((a) => !usable.has(a.family_id))).toEqual([]);
    // Flanders refers to the CGG's baby and toddler team; the Dutch demo to its IMH team.
    for (const a of agreed)
      for (const words of [a.text, a.next_topic ?? ''])
        expect(words.includes('IMH-team')).toBe(a.region === 'nl' && words !== '');
  });

  it('starts the safety route the notes speak of: open after a latest contact with signals, decided after an earlier one', async () => {
    const { db } = current();
    // Each family's latest contact: the last by date, ties broken by id (as the worklist takes it).
    const latest = new Map<string, { id: string; date: string }>();
    for (const c of await db.selectFrom('contacts').select(['id', 'family_id', 'date']).execute()) {
      const seen = latest.get(c.family_id);
      if (!seen || c.date > seen.date || (c.date === seen.date && c.id > seen.id)) latest.set(c.family_id, c);
    }
    const signalled = (
      await db
        .selectFrom('contacts as c')
        .innerJoin('assessments as a', 'a.contact_id', 'c.id')
        .innerJoin('families as f', 'f.id', 'c.family_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['c.id', 'c.family_id', 'c.date', 'c.notes', 'o.region'])
        .where('a.safety_concern', '=', 1)
        .where('c.status', '=', 'final')
        .execute()
    ).map((c) => ({ ...c, latest: latest.get(c.family_id)?.id }));
    const routes = await db.selectFrom('safety_routes').selectAll().execute();
    const steps = await db.selectFrom('safety_route_steps').selectAll().orderBy('step').execute();
    expect(signalled.length).toBeGreaterThan(0);
    // A family's first contact with signals started a route, and its latest did if it had signals; the notes of
    // every contact with signals speak of the route.
    for (const contact of signalled) expect(contact.notes).toMatch(/meldcode|Vertrouwenscentrum/);
    const families = new Set(signalled.map((c) => c.family_id));
    expect(new Set(routes.map((r) => r.family_id))).toEqual(families);
    for (const family of families) {
      const own = routes.filter((r) => r.family_id === family);
      expect(own.length).toBeLessThanOrEqual(2);
      expect(own.filter((r) => r.status === 'open').length).toBeLessThanOrEqual(1);
    }
    const openFamilies = routes.filter((r) => r.status === 'open').map((r) => r.family_id);
    expect(new Set(openFamilies).size).toBe(openFamilies.length);
    expect(openFamilies.sort()).toEqual(
      signalled
        .filter((c) => c.latest === c.id && c.date >= addDays(localDate(TODAY), -OPEN_ROUTE_DAYS))
        .map((c) => c.family_id)
        .sort(),
    );
    for (const route of routes) {
      const region = signalled.find((c) => c.family_id === route.family_id)?.region;
      expect(route.region).toBe(region);
      expect(route.route).toBe(
        region === 'nl' ? 'meldcode_veilig_thuis' : 'vertrouwenscentrum_kindermishandeling',
      );
      expect(
        (JSON.parse(route.concerns_json) as string[]).every((c) => SAFETY_CONCERNS.includes(c as never)),
      ).toBe(true);
      // The steps in order from the first, each with answers its rules accept, as the API would have taken them.
      const own = steps.filter((s) => s.route_id === route.id);
      expect(own.map((s) => s.step)).toEqual(own.map((_, i) => i + 1));
      expect(route.version).toBe(1 + own.length);
      for (const step of own)
        expect(
          parseStepAnswers(
            route.region,
            step.step,
            step.answers_json === null ? undefined : JSON.parse(step.answers_json),
          ),
        ).toEqual(step.answers_json === null ? null : JSON.parse(step.answers_json));
      if (route.status === 'open') {
        expect(own.length).toBeGreaterThanOrEqual(1);
        expect(own.length).toBeLessThanOrEqual(3);
        expect(route.decision_json).toBeNull();
      } else {
        expect(own).toHaveLength(5);
        const weighing = JSON.parse(own[3]?.answers_json ?? 'null') as Record<string, unknown>;
        const decision = JSON.parse(route.decision_json ?? 'null') as Record<string, unknown>;
        expect(() => checkDecision(route.region, weighing, decision)).not.toThrow();
        expect(route.closed_at).toBe(own[4]?.recorded_at);
      }
    }
  });

  it('screens parents in both regions: a Flemish mother due at six weeks, a father with a positive EPDS in his assessment', async () => {
    const { db } = current();
    const screened = await db
      .selectFrom('parent_screenings as s')
      .innerJoin('families as f', 'f.id', 's.family_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.region', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('o.region')
      .execute();
    expect(screened.map((r) => r.region).sort()).toEqual(['be', 'nl']);
    const today = TODAY.toISOString().slice(0, 10);
    // The Flemish showcase: a baby of six weeks (43 days), mother and father.
    const baby = await db
      .selectFrom('persons as p')
      .innerJoin('families as f', 'f.id', 'p.family_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['p.family_id'])
      .where('o.region', '=', 'be')
      .where('p.birth_date', '=', '2026-10-11')
      .executeTakeFirstOrThrow();
    const parents = await db
      .selectFrom('persons')
      .select(['id', 'caregiver_role'])
      .where('family_id', '=', baby.family_id)
      .where('kind', '=', 'caregiver')
      .execute();
    const father = parents.find((p) => p.caregiver_role === 'father');
    const mother = parents.find((p) => p.caregiver_role === 'mother');
    const screenings = await db
      .selectFrom('parent_screenings')
      .selectAll()
      .where('family_id', '=', baby.family_id)
      .execute();
    expect(screenings.some((s) => s.person_id === mother?.id && s.date >= '2026-11-22')).toBe(false);
    expect(screenings).toContainEqual(
      expect.objectContaining({ person_id: father?.id, instrument: 'epds', outcome: 'clinical_assessment' }),
    );
    const factors = await db
      .selectFrom('parent_factor_observations')
      .selectAll()
      .where('person_id', '=', father?.id ?? '')
      .execute();
    expect(factors.map((f) => f.code)).toContain('parent_stress');
    const assessment = await db
      .selectFrom('assessments')
      .select('result_json')
      .where('contact_id', '=', factors[0]?.contact_id ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(assessment.result_json).parentMentalHealth).toContainEqual(
      expect.objectContaining({ role: 'father', outcome: 'clinical_assessment' }),
    );
    expect(today).toBe('2026-11-23');
  });

  it('refuses to load twice, and can give the demo accounts a new password', async () => {
    const { db } = current();
    await expect(loadDemo(db, { families: 1, password: 'another long password' })).rejects.toThrow(DemoError);
    const password = await resetDemoPassword(db);
    expect(password.length).toBeGreaterThanOrEqual(16);
    const user = await db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'beheer@demo.nestwerk.test')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect((await verifyAuditChain(db)).checked).toBe(2);
  });
});

describe.each(testDialects())('demo determinism [%s]', (dialect) => {
  it('gives the same families for the same seed and day', async () => {
    const a = await createTestDatabase(dialect);
    const b = await createTestDatabase(dialect);
    try {
      const first = await loadDemo(a.db, { families: 40, seed: 'same', today: TODAY });
      await loadDemo(b.db, { families: 40, seed: 'same', today: TODAY });
      expect(first.passwordGenerated).toBe(!process.env.NESTWERK_DEMO_PASSWORD);
      for (const table of [
        'families',
        'persons',
        'contacts',
        'observations',
        'assessments',
        'agreements',
        'care_relationships',
      ] as const) {
        const order = table === 'observations' ? sql.raw('contact_id, kind, code') : sql.raw('id');
        const left = await sql`select * from ${sql.table(table)} order by ${order}`.execute(a.db);
        const right = await sql`select * from ${sql.table(table)} order by ${order}`.execute(b.db);
        expect(right.rows, table).toEqual(left.rows);
      }
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});

async function count(
  db: import('kysely').Kysely<Database>,
  table: keyof Database,
  where: (
    q: import('kysely').SelectQueryBuilder<Database, keyof Database, object>,
  ) => import('kysely').SelectQueryBuilder<Database, keyof Database, object> = (q) => q,
): Promise<number> {
  const row = await where(db.selectFrom(table) as never)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number((row as { n: number }).n);
}
