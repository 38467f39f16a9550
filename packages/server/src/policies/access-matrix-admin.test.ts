import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import { type ApiResponse, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, type Org, relate, seedFamily } from '../testing/world.ts';

/**
 * The admin part of the access matrix: role × administrative action × organisation, through real HTTP. Only
 * the application manager administers, and only in their own organisation (another organisation's user is a
 * 404 like a missing one); whatever grants clinical access or takes over an account is a pending request,
 * never an immediate effect; nobody approves their own request.
 */

const ROLES: Role[] = ['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager', 'analyst'];
const ACTIONS = [
  'list_users',
  'create_clinical',
  'reset_password',
  'change_role',
  'disable',
  'end_relationship',
  'list_approvals',
  'approve_reset',
] as const;
const ORGS = ['same', 'other'] as const;
type Action = (typeof ACTIONS)[number];
type OrgRelation = (typeof ORGS)[number];
/** ok: done at once; pending: a request, nothing changed yet. */
type Outcome = 'ok' | 'pending' | 'forbidden' | 'not_found';

function expected(role: Role, action: Action, org: OrgRelation): Outcome {
  if (action === 'list_approvals')
    return role === 'application_manager' || role === 'team_lead' ? 'ok' : 'forbidden';
  // The manager's own request for a nurse of Team Noord: only the lead of that team may approve it, never
  // the manager who made it.
  if (action === 'approve_reset') return role === 'team_lead' ? 'ok' : 'forbidden';
  if (role !== 'application_manager') return 'forbidden';
  if (action === 'list_users') return 'ok';
  // Creating needs no target: it is always in the manager's own organisation.
  if (action === 'create_clinical') return 'pending';
  if (org === 'other') return 'not_found';
  return action === 'reset_password' || action === 'change_role' ? 'pending' : 'ok';
}

const CASES = ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) =>
    ORGS.map((org) => ({ role, action, org, outcome: expected(role, action, org) })),
  ),
);

let n = 0;

forEachDatabase('access matrix: administration', (current) => {
  let server: TestServer;
  let home: Org;
  let away: Org;
  const actors = new Map<Role, Actor>();
  let manager: Actor;

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
    home = await createOrg(db, { name: 'JGZ Thuis' });
    away = await createOrg(db, { name: 'JGZ Elders' });
    for (const role of ROLES) actors.set(role, await actor(server, db, home, role));
    manager = actors.get('application_manager') as Actor;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function target(org: OrgRelation): Promise<{ user: Actor; relationshipId: string }> {
    const db = current().db;
    const user = await actor(server, db, org === 'same' ? home : away, 'nurse');
    const family = await seedFamily(db, user.organisationId, user.id);
    await relate(db, family.familyId, { userId: user.id }, user.id);
    const rel = await db
      .selectFrom('care_relationships')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    return { user, relationshipId: rel.id };
  }

  async function act(
    a: Actor,
    action: Action,
    org: OrgRelation,
  ): Promise<{ res: ApiResponse; victim: Actor }> {
    const { user: victim, relationshipId } = await target(action === 'approve_reset' ? 'same' : org);
    switch (action) {
      case 'list_users':
        return { res: await a.client.get('/api/admin/users'), victim };
      case 'create_clinical':
        return {
          res: await a.client.post('/api/admin/users', {
            email: `matrix.${++n}@ggd.example`,
            displayName: 'Matrix',
            role: 'team_lead',
            teamId: home.teamId,
          }),
          victim,
        };
      case 'reset_password':
        return {
          res: await a.client.post(`/api/admin/users/${victim.id}/reset-password`, { resetTotp: true }),
          victim,
        };
      case 'change_role':
        return {
          res: await a.client.post(`/api/admin/users/${victim.id}/assignment`, {
            role: 'team_lead',
            teamId: null,
          }),
          victim,
        };
      case 'disable':
        return { res: await a.client.post(`/api/admin/users/${victim.id}/disable`, {}), victim };
      case 'end_relationship':
        return {
          res: await a.client.post(`/api/admin/care-relationships/${relationshipId}/end`, {}),
          victim,
        };
      case 'list_approvals':
        return { res: await a.client.get('/api/admin/approvals'), victim };
      case 'approve_reset': {
        const mine = await manager.client.post(`/api/admin/users/${victim.id}/reset-password`, {});
        const id = String((mine.json?.request as { id?: string } | undefined)?.id);
        return { res: await a.client.post(`/api/admin/approvals/${id}/approve`, {}), victim };
      }
    }
  }

  describe.each(CASES)('$role × $action × $org org → $outcome', (c) => {
    it('answers as expected', async () => {
      const a = actors.get(c.role);
      if (!a) throw new Error('matrix not set up');
      const { res, victim } = await act(a, c.action, c.org);
      switch (c.outcome) {
        case 'ok':
          expect(res.status, res.text).toBe(200);
          break;
        case 'pending':
          expect(res.status, res.text).toBe(201);
          expect(res.json?.request).toMatchObject({ status: 'pending', canDecide: false });
          expect(JSON.stringify(res.json)).not.toMatch(/temporaryPassword/);
          break;
        case 'forbidden':
          expect(res.status, res.text).toBe(403);
          break;
        case 'not_found':
          expect(res.status, res.text).toBe(404);
          break;
      }
      // The victim's session survives everything but a disable and an approved reset: a request alone changes
      // nothing.
      const ended = c.outcome === 'ok' && (c.action === 'disable' || c.action === 'approve_reset');
      expect((await victim.client.get('/api/session')).status).toBe(ended ? 401 : 200);
    });
  });
});
