import { expect, it } from 'vitest';
import { hasDemoData, loadDemo } from '../demo/load.ts';
import type { Principal } from '../http/principal.ts';
import { resolveFamilyFacts, resolveFamilyFactsWithFile } from '../policies/family-facts.ts';
import { holdsFamilyContent } from '../policies/roles.ts';
import { forEachDatabase } from '../testing/databases.ts';
import type { Db } from './db.ts';
import { type FamilyFile, loadFamilyFile, loadFamilyFileBySteps } from './family-file.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');

/** Which parts of a file hold something: the comparison is only worth as much as the data it covers. */
function filled(file: FamilyFile): string[] {
  const parts: Record<string, unknown[]> = {
    persons: file.persons,
    contacts: file.contacts,
    agreements: file.agreements,
    consents: file.consents,
    instrumentResponses: file.instrumentResponses,
    careTeam: file.careTeam,
    screenings: file.screenings,
    careNetwork: file.network.careNetwork,
    referrals: file.network.referrals,
    safetyRoute: file.network.safetyRoute ? [file.network.safetyRoute] : [],
    selfReports: file.selfReports,
    imported: file.imported,
  };
  return Object.entries(parts)
    .filter(([, rows]) => rows.length > 0)
    .map(([name]) => name);
}

/**
 * The demo leaves some parts of a file empty (no portal reports, imports, network members or safety routes):
 * give one family each, with the values that could come back different as JSON — accents and a curly
 * apostrophe, nulls, a flag, a second route — so the comparison covers them.
 */
async function fillTheRest(db: Db, familyId: string): Promise<void> {
  const user = await db.selectFrom('users').select('id').orderBy('email').executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('persons')
    .select(['id', 'kind'])
    .where('family_id', '=', familyId)
    .execute();
  const child = persons.find((p) => p.kind === 'child');
  const parent = persons.find((p) => p.kind === 'caregiver');
  if (!child || !parent) throw new Error('the demo family has no child or no caregiver');
  const at = '2026-11-20T09:15:00.000Z';
  await db
    .insertInto('instrument_responses')
    .values({
      id: '01900000-0000-7000-8000-00000000a001',
      family_id: familyId,
      child_id: child.id,
      contact_id: null,
      instrument_id: 'asq_se',
      definition_version: '2',
      answers_json: '{"q1":"a"}',
      score_json: '{"total":12.5}',
      created_by: user.id,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('care_network_members')
    .values({
      id: '01900000-0000-7000-8000-00000000a002',
      family_id: familyId,
      name: 'Zoë Çelik-’t Hooft',
      role: 'huisarts',
      organisation: null,
      partner_id: null,
      user_id: null,
      phone: '+31 6 1234 5678',
      email: null,
      coordinator: 1,
      note: 'Regie bij de huisarts; “graag eerst bellen”',
      created_by: user.id,
      created_at: at,
      updated_at: at,
      removed_at: null,
      removed_by: null,
      version: 1,
    })
    .execute();
  for (const [n, status] of [
    [1, 'closed'],
    [2, 'open'],
  ] as const) {
    const id = `01900000-0000-7000-8000-00000000b00${n}`;
    await db
      .insertInto('safety_routes')
      .values({
        id,
        family_id: familyId,
        region: 'nl',
        route: 'meldcode_veilig_thuis',
        concerns_json: '["zorgen"]',
        status,
        decision_json: status === 'closed' ? '{"step":5}' : null,
        opened_by: user.id,
        opened_at: `2026-11-0${n}T08:00:00.000Z`,
        closed_by: status === 'closed' ? user.id : null,
        closed_at: status === 'closed' ? '2026-11-05T08:00:00.000Z' : null,
        version: 1,
      })
      .execute();
    await db
      .insertInto('safety_route_steps')
      .values({
        route_id: id,
        step: 1,
        recorded_by: user.id,
        recorded_at: at,
        notes: 'Signalen in kaart',
        answers_json: null,
      })
      .execute();
  }
  await db
    .insertInto('imported_records')
    .values({
      id: '01900000-0000-7000-8000-00000000a003',
      family_id: familyId,
      record_kind: 'family',
      record_id: familyId,
      source_system: 'Kind en Gezin — regio Gent',
      source_id: null,
      source_author: 'Verpleegkundige Éléonore',
      imported_by: user.id,
      imported_at: at,
    })
    .execute();
  await db
    .insertInto('parent_accounts')
    .values({
      id: '01900000-0000-7000-8000-00000000a004',
      person_id: parent.id,
      family_id: familyId,
      email: 'ouder.at-once@example.test',
      password_hash: 'not-a-real-hash',
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: 0,
      suspended_at: null,
      suspended_reason: null,
      suspended_by: null,
      created_at: at,
      version: 1,
    })
    .execute();
  await db
    .insertInto('parent_self_reports')
    .values({
      id: '01900000-0000-7000-8000-00000000a005',
      family_id: familyId,
      person_id: parent.id,
      parent_id: '01900000-0000-7000-8000-00000000a004',
      child_id: null,
      how_are_you: 'Moe, maar het gaat',
      how_is_child: null,
      want_to_discuss: 'Slapen',
      whooley_json: '[false,true]',
      gad2_json: null,
      outcome: 'screen_further',
      risk: 0,
      created_at: at,
    })
    .execute();
}

// On PostgreSQL `loadFamilyFile` reads in one statement, on SQLite by steps: on both it must give what the steps give.
forEachDatabase('family file in one statement', (current, dialect) => {
  it('gives every demo family exactly the file the separate queries give, value for value', async () => {
    const { db } = current();
    await loadDemo(db, { families: 150, seed: 'at-once', today: TODAY, password: 'correct horse battery' });
    const families = await db.selectFrom('families').select('id').orderBy('id').execute();
    await fillTheRest(db, families[0]!.id);
    const covered = new Set<string>();
    for (const { id } of families) {
      const bySteps = await loadFamilyFileBySteps(db, id);
      const atOnce = await loadFamilyFile(db, id);
      expect(atOnce).toStrictEqual(bySteps);
      if (bySteps) for (const part of filled(bySteps)) covered.add(part);
    }
    // Every part of a file was compared with something in it at least once.
    expect([...covered].sort()).toEqual(
      [
        'agreements',
        'careNetwork',
        'careTeam',
        'consents',
        'contacts',
        'imported',
        'instrumentResponses',
        'persons',
        'referrals',
        'safetyRoute',
        'screenings',
        'selfReports',
      ].sort(),
    );
  });

  // PostgreSQL only: SQLite reads in-process and runs the check and the file as two calls.
  if (dialect === 'postgres')
    it('carries the file in the access check’s statement: the same facts, and the same file where it is allowed', async () => {
      const { db } = current();
      // The demo the test before loaded, or this one's when it runs alone.
      if (!(await hasDemoData(db)))
        await loadDemo(db, {
          families: 60,
          seed: 'with-check',
          today: TODAY,
          password: 'correct horse battery',
        });
      const families = await db.selectFrom('families').select('id').orderBy('id').execute();
      const users = await db
        .selectFrom('users')
        .select(['id', 'role', 'organisation_id', 'team_id', 'display_name'])
        .where('email', 'in', [
          'verpleegkundige@demo.nestwerk.test',
          'verpleegkundige.be@demo.nestwerk.test',
          'gemeente@demo.nestwerk.test',
        ])
        .execute();
      expect(users).toHaveLength(3);
      const seen = new Set<string>();
      for (const u of users) {
        const principal: Principal = {
          userId: u.id,
          role: u.role,
          organisationId: u.organisation_id,
          teamId: u.team_id,
          sessionIdHash: 's',
          displayName: u.display_name,
        };
        for (const { id } of [...families, { id: '00000000-0000-7000-8000-000000000000' }]) {
          const facts = await resolveFamilyFacts(db, principal, id, TODAY, '2026-11-23', 4);
          const both = await resolveFamilyFactsWithFile(db, principal, id, TODAY, '2026-11-23', 4);
          expect(both.facts).toStrictEqual(facts);
          // The file comes with the check for a role that may hold family content, in its own organisation.
          const expected =
            facts.inOwnOrganisation && holdsFamilyContent(u.role)
              ? await loadFamilyFileBySteps(db, id)
              : undefined;
          expect(both.file).toStrictEqual(expected);
          seen.add(
            `${u.role}:${facts.inOwnOrganisation}:${facts.activeRelationship}:${both.file !== undefined}`,
          );
        }
      }
      // Each way through: a file with a relationship, one without (the decision then denies it), none abroad,
      // and none for a role that holds no family content.
      expect(seen).toContain('nurse:true:true:true');
      expect(seen).toContain('nurse:true:false:true');
      expect(seen).toContain('nurse:false:false:false');
      expect([...seen].filter((k) => k.startsWith('analyst:')).every((k) => k.endsWith(':false'))).toBe(true);
    });

  it('orders screenings recorded in one moment by id, newest first, in both ways of reading the file', async () => {
    const { db } = current();
    if (!(await hasDemoData(db)))
      await loadDemo(db, { families: 60, seed: 'ties', today: TODAY, password: 'correct horse battery' });
    const model = await db
      .selectFrom('parent_screenings')
      .selectAll()
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Three more screenings of that moment, written in ascending id order: a scan in written order would give
    // them oldest id first.
    const ids = [
      '01900000-0000-7000-8000-00000000b001',
      '01900000-0000-7000-8000-00000000b002',
      '01900000-0000-7000-8000-00000000b003',
    ];
    for (const id of ids)
      await db
        .insertInto('parent_screenings')
        .values({ ...model, id })
        .execute();
    const tied = (file: FamilyFile | undefined) =>
      (file?.screenings ?? [])
        .filter((r) => r.date === model.date && r.created_at === model.created_at)
        .map((r) => r.id);
    // The demo may have recorded others of that moment too (a parent's screenings of one visit).
    const moment = await db
      .selectFrom('parent_screenings')
      .select('id')
      .where('family_id', '=', model.family_id)
      .where('date', '=', model.date)
      .where('created_at', '=', model.created_at)
      .execute();
    const expected = moment
      .map((r) => r.id)
      .sort()
      .reverse();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(tied(await loadFamilyFileBySteps(db, model.family_id))).toEqual(expected);
    expect(tied(await loadFamilyFile(db, model.family_id))).toEqual(expected);
    await db.deleteFrom('parent_screenings').where('id', 'in', ids).execute();
  });

  it('finds no file for an unknown family', async () => {
    expect(await loadFamilyFile(current().db, '00000000-0000-7000-8000-000000000000')).toBeUndefined();
  });
});
