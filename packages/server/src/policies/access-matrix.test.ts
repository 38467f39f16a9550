import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { createTestUser } from '../auth/test-users.ts';
import type { Role } from '../db/schema.ts';
import { type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import {
  type Actor,
  actor,
  createOrg,
  grantEmergency,
  lastAudit,
  type Org,
  relate,
  seedFamily,
} from '../testing/world.ts';

/**
 * The full access matrix, through real HTTP: role × relation × organisation × action, each with the expected
 * answer AND the audit row it must leave. The oracle below is written from the rules in the issue, not from the
 * policy code, so a change in either shows up here.
 */

const ROLES: Role[] = ['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager', 'analyst'];
const RELATIONS = ['own', 'team', 'colleague', 'emergency', 'ended', 'none'] as const;
const ORGS = ['same', 'other'] as const;
const ACTIONS = ['read', 'search', 'write', 'export', 'access_log'] as const;

type Relation = (typeof RELATIONS)[number];
type OrgRelation = (typeof ORGS)[number];
type Action = (typeof ACTIONS)[number];
/** ok: 2xx (search: the family is listed); hidden: search answers but does not list it; 404; 403. */
type Outcome = 'ok' | 'hidden' | 'not_found' | 'forbidden';

const CARE_ROLES: Role[] = ['nurse', 'physician', 'team_lead'];

function expected(role: Role, relation: Relation, org: OrgRelation, action: Action): Outcome {
  const denied: Outcome = action === 'search' ? 'hidden' : 'not_found';
  // No family content for the IMH partner, the application manager and the analyst; search is a role refusal.
  if (!CARE_ROLES.includes(role)) return action === 'search' ? 'forbidden' : 'not_found';
  // Organisations never see each other's families, whatever rows say.
  if (org === 'other') return denied;
  switch (relation) {
    case 'own':
    case 'team':
      return 'ok';
    case 'colleague':
      // Only the team lead oversees colleagues' own caseloads.
      return role === 'team_lead' ? 'ok' : denied;
    case 'emergency':
      // Break the glass opens this file for reading only; it does not join the caseload (search), and every
      // change, the export and the access history stay with the family's own professionals: 403, audited.
      if (action === 'search') return 'hidden';
      return action === 'read' ? 'ok' : 'forbidden';
    case 'ended':
    case 'none':
      return denied;
  }
}

const AUDIT_ACTION: Record<Action, string> = {
  read: 'family.read',
  search: 'family.search',
  write: 'family.update',
  export: 'export',
  access_log: 'family.access_log',
};

const REASON = 'Waarneming in het weekend: zorgen om veiligheid van de baby gemeld';

interface Case {
  role: Role;
  relation: Relation;
  org: OrgRelation;
  action: Action;
  outcome: Outcome;
}

const CASES: Case[] = ROLES.flatMap((role) =>
  RELATIONS.flatMap((relation) =>
    ORGS.flatMap((org) =>
      ACTIONS.map((action) => ({
        role,
        relation,
        org,
        action,
        outcome: expected(role, relation, org, action),
      })),
    ),
  ),
);

const MISSING = '0190b3c4-dead-7000-8000-00000000beef';

forEachDatabase('access matrix', (current) => {
  let server: TestServer;
  const actors = new Map<Role, Actor>();
  const families = new Map<string, { familyId: string; token: string }>();

  async function request(a: Actor, action: Action, familyId: string, token: string): Promise<ApiResponse> {
    switch (action) {
      case 'read':
        return a.client.get(`/api/families/${familyId}`);
      case 'search':
        return a.client.get(`/api/families?q=${token}`);
      case 'export':
        return a.client.get(`/api/families/${familyId}/export`);
      case 'access_log':
        return a.client.get(`/api/families/${familyId}/access-log`);
      case 'write': {
        const row = await current()
          .db.selectFrom('families')
          .select('version')
          .where('id', '=', familyId)
          .executeTakeFirst();
        return a.client.request('PATCH', `/api/families/${familyId}`, {
          body: { version: row?.version ?? 1, municipality: `Gemeente ${token}` },
        });
      }
    }
  }

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({
      db,
      dialect: current().dialect,
      config: {
        login: {
          maxFailuresPerAccount: 10,
          lockMinutes: 15,
          maxAttemptsPerIp: 10_000,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
    const jgzA = await createOrg(db, { name: 'JGZ Regio A' });
    const jgzB = await createOrg(db, { name: 'JGZ Regio B' });
    const partner = await createOrg(db, { name: 'IMH-team Partner', kind: 'partner' });
    const orgOf = (role: Role): Org => (role === 'imh_specialist' ? partner : jgzA);
    const otherOf = (role: Role): Org => (role === 'imh_specialist' ? jgzA : jgzB);
    const creatorB = await createTestUser(db, jgzB, { email: 'creator@regio-b.example', isDemo: true });
    let token = 0;
    for (const role of ROLES) {
      const org = orgOf(role);
      const a = await actor(server, db, org, role);
      actors.set(role, a);
      const colleague = await createTestUser(db, org, {
        email: `colleague.${role}@ggd.example`,
        isDemo: true,
      });
      for (const relation of RELATIONS) {
        for (const which of ORGS) {
          const home = which === 'same' ? org : otherOf(role);
          const t = `mx${++token}x`;
          const f = await seedFamily(db, home.organisationId, which === 'same' ? colleague.id : creatorB.id, {
            name: `Matrixfamilie ${t}`,
          });
          // Every family is cared for by somebody, so "none" means "not by me", not "by nobody".
          await relate(db, f.familyId, { teamId: home.otherTeamId }, creatorB.id);
          if (relation === 'own') await relate(db, f.familyId, { userId: a.id }, a.id);
          if (relation === 'team') await relate(db, f.familyId, { teamId: org.teamId }, a.id);
          if (relation === 'colleague') await relate(db, f.familyId, { userId: colleague.id }, a.id);
          if (relation === 'ended')
            await relate(db, f.familyId, { userId: a.id }, a.id, { start: '2025-01-01', end: '2026-03-01' });
          if (relation === 'emergency')
            await grantEmergency(db, a.id, f.familyId, server.clock.now(), REASON);
          families.set(`${role}|${relation}|${which}`, { familyId: f.familyId, token: t });
        }
      }
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(CASES)('$role × $relation × $org org × $action → $outcome', (c) => {
    it('answers as expected and leaves the right audit row', async () => {
      const a = actors.get(c.role);
      const f = families.get(`${c.role}|${c.relation}|${c.org}`);
      if (!a || !f) throw new Error('matrix not set up');
      const res = await request(a, c.action, f.familyId, f.token);
      const audit = await lastAudit(current().db, a.id);
      const details = JSON.parse(audit?.details_json ?? 'null') as Record<string, unknown> | null;
      expect(audit, 'every request leaves an audit row').toMatchObject({
        user_role: c.role,
        organisation_id: a.organisationId,
        client_ip: expect.stringMatching(/127\.0\.0\.1/),
      });

      switch (c.outcome) {
        case 'ok': {
          expect(res.status, res.text).toBeLessThan(300);
          const basis = c.relation === 'emergency' ? 'emergency' : 'care_relationship';
          expect(audit).toMatchObject({ action: AUDIT_ACTION[c.action], outcome: 'success', basis });
          if (c.relation === 'emergency') expect(audit?.basis_detail).toBe(REASON);
          if (c.action === 'search') {
            expect(((res.json?.items ?? []) as Array<{ familyId: string }>).map((i) => i.familyId)).toEqual([
              f.familyId,
            ]);
            expect(details?.familyIds).toEqual([f.familyId]);
          } else {
            expect(audit?.family_id).toBe(f.familyId);
          }
          if (c.action === 'export') expect(audit?.purpose).toBe('parent_request');
          break;
        }
        case 'hidden':
          expect(res.status).toBe(200);
          expect(res.json).toEqual({ items: [], total: 0 });
          expect(audit).toMatchObject({ action: 'family.search', outcome: 'success' });
          expect(details?.familyIds).toEqual([]);
          break;
        case 'forbidden':
          expect(res.status).toBe(403);
          expect(res.json).toMatchObject({ error: 'forbidden' });
          expect(audit).toMatchObject({ action: 'access.denied', outcome: 'denied' });
          expect(details).toMatchObject(
            c.relation === 'emergency' && CARE_ROLES.includes(c.role)
              ? { attempted: AUDIT_ACTION[c.action], why: 'not_under_emergency' }
              : { attempted: 'family.search', why: 'role' },
          );
          break;
        case 'not_found': {
          expect(res.status).toBe(404);
          expect(audit).toMatchObject({ action: 'access.denied', outcome: 'denied', family_id: f.familyId });
          expect(details).toMatchObject({ attempted: AUDIT_ACTION[c.action] });
          // Forbidden and non-existent are indistinguishable, byte for byte.
          const missing = await request(a, c.action, MISSING, 'none');
          expect(missing.status).toBe(404);
          expect(res.text).toBe(missing.text);
          expect(res.headers.get('content-type')).toBe(missing.headers.get('content-type'));
          break;
        }
      }
    });
  });

  it('leaves an audit chain that verifies', async () => {
    const result = await verifyAuditChain(current().db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(CASES.length);
  });
});
