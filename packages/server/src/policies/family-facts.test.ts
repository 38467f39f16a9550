import { expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { familyFactsParams, familyFactsQuery, resolveFamilyFacts } from './family-facts.ts';
import { relationshipFamilyIds } from './family-scope.ts';

const AT = '2026-03-01T10:00:00.000Z';
const NOW = new Date('2026-03-02T09:00:00.000Z');
const TODAY = '2026-03-02';
const HOURS = 4;

forEachDatabase('precompiled access check', (current) => {
  it('answers exactly as its Kysely twin, for every role with and without a team', async () => {
    const { db } = current();
    await db
      .insertInto('organisations')
      .values([
        { id: 'org', name: 'Org', region: 'nl', kind: 'jgz', created_at: AT },
        { id: 'other', name: 'Other', region: 'nl', kind: 'jgz', created_at: AT },
      ])
      .execute();
    await db
      .insertInto('teams')
      .values({ id: 'team', organisation_id: 'org', name: 'T', created_at: AT })
      .execute();
    const user = (id: string, role: Role, team: string | null) => ({
      id,
      organisation_id: 'org',
      team_id: team,
      email: `${id}@example.org`,
      display_name: id,
      role,
      password_hash: 'x',
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: 0,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: AT,
      version: 1,
    });
    await db
      .insertInto('users')
      .values([
        user('nurse', 'nurse', 'team'),
        user('member', 'nurse', 'team'),
        user('lead', 'team_lead', 'team'),
      ])
      .execute();
    const family = (id: string, organisation: string) => ({
      id,
      organisation_id: organisation,
      name: id,
      search_key: id,
      postcode: null,
      municipality: null,
      created_by: 'nurse',
      created_at: AT,
      updated_at: AT,
      version: 1,
    });
    await db
      .insertInto('families')
      .values([
        family('own', 'org'),
        family('team', 'org'),
        family('member', 'org'),
        family('ended', 'org'),
        family('future', 'org'),
        family('none', 'org'),
        family('both', 'org'),
        family('emergency', 'org'),
        family('foreign', 'other'),
      ])
      .execute();
    const rel = (
      id: string,
      familyId: string,
      userId: string | null,
      teamId: string | null,
      start: string,
      end: string | null,
    ) => ({
      id,
      family_id: familyId,
      user_id: userId,
      team_id: teamId,
      start_date: start,
      end_date: end,
      created_by: 'nurse',
      created_at: AT,
    });
    await db
      .insertInto('care_relationships')
      .values([
        rel('r1', 'own', 'nurse', null, '2026-01-01', null),
        rel('r2', 'team', null, 'team', '2026-01-01', TODAY),
        rel('r3', 'member', 'member', null, '2026-01-01', null),
        rel('r4', 'ended', 'nurse', null, '2025-01-01', '2026-03-01'),
        rel('r5', 'future', 'nurse', null, '2026-03-03', null),
        rel('r6', 'foreign', 'nurse', null, '2026-01-01', null),
        // Held twice, by the nurse and by her team: the check's UNION ALL finds it through either branch.
        rel('r7', 'both', 'nurse', null, '2026-01-01', null),
        rel('r8', 'both', null, 'team', '2026-01-01', null),
      ])
      .execute();
    await db
      .insertInto('emergency_access')
      .values([
        // Running, and an older one that ran out: the newest running grant is the one found.
        {
          id: 'e1',
          user_id: 'nurse',
          family_id: 'emergency',
          reason: 'Night call',
          started_at: '2026-03-02T08:00:00.000Z',
          expires_at: '2026-03-02T12:00:00.000Z',
          reviewed_by: null,
          reviewed_at: null,
          renews_id: null,
        },
        {
          id: 'e2',
          user_id: 'nurse',
          family_id: 'emergency',
          reason: 'Old',
          started_at: '2026-03-01T08:00:00.000Z',
          expires_at: '2026-03-01T12:00:00.000Z',
          reviewed_by: null,
          reviewed_at: null,
          renews_id: null,
        },
        // Started too long ago for the configured duration, whatever its expiry says.
        {
          id: 'e3',
          user_id: 'lead',
          family_id: 'emergency',
          reason: 'Stale',
          started_at: '2026-03-02T01:00:00.000Z',
          expires_at: '2026-03-03T12:00:00.000Z',
          reviewed_by: null,
          reviewed_at: null,
          renews_id: null,
        },
      ])
      .execute();

    const principals: Principal[] = [];
    for (const role of [
      'nurse',
      'physician',
      'team_lead',
      'imh_specialist',
      'application_manager',
      'analyst',
    ] as const)
      for (const [userId, teamId] of [
        ['nurse', 'team'],
        ['nurse', null],
        ['lead', 'team'],
        ['member', null],
      ] as const)
        principals.push({
          userId,
          role,
          organisationId: 'org',
          teamId,
          sessionIdHash: 's',
          displayName: userId,
        });
    principals.push({
      userId: 'nurse',
      role: 'nurse',
      organisationId: 'other',
      teamId: null,
      sessionIdHash: 's',
      displayName: 'n',
    });

    const families = [
      'own',
      'team',
      'member',
      'ended',
      'future',
      'none',
      'emergency',
      'foreign',
      'missing',
      'both',
    ];
    const seen = new Set<string>();
    for (const principal of principals) {
      // The caseload as listings read it (UNION: each family once) holds exactly the families the check admits.
      const listed = await relationshipFamilyIds(db, principal, TODAY, 'any').execute();
      const caseload = new Set(listed.map((r) => r.family_id));
      expect(caseload.size).toBe(listed.length);
      for (const familyId of families) {
        const params = familyFactsParams(principal, familyId, NOW, TODAY, HOURS);
        const twin = await familyFactsQuery(
          db,
          { role: principal.role, hasTeam: principal.teamId !== null },
          params,
        ).executeTakeFirst();
        const facts = await resolveFamilyFacts(db, principal, familyId, NOW, TODAY, HOURS);
        expect(facts.inOwnOrganisation).toBe(twin !== undefined);
        expect(facts.activeRelationship).toBe(Boolean(twin?.rel));
        expect(facts.emergency?.id ?? null).toBe(twin?.emergency_id ?? null);
        if (facts.inOwnOrganisation) expect(facts.activeRelationship).toBe(caseload.has(familyId));
        seen.add(
          `${principal.userId}/${familyId}:${facts.inOwnOrganisation}/${facts.activeRelationship}/${facts.emergency?.reason ?? '-'}`,
        );
      }
    }
    // The cases are what they claim to be: each rule is exercised, both ways.
    expect(seen).toContain('nurse/own:true/true/-');
    expect(seen).toContain('nurse/both:true/true/-');
    expect(seen).toContain('nurse/ended:true/false/-');
    expect(seen).toContain('nurse/future:true/false/-');
    expect(seen).toContain('nurse/foreign:false/false/-');
    expect(seen).toContain('nurse/emergency:true/false/Night call');
    expect(seen).toContain('lead/emergency:true/false/-');
    expect(seen).toContain('lead/member:true/true/-');
    expect(seen).toContain('lead/member:true/false/-');
    expect(seen).toContain('member/team:true/false/-');
    expect(seen).toContain('nurse/team:true/true/-');
  });
});
