import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { concerningContact, LONG_SESSIONS, ok, seedPartner } from '../../testing/network-world.ts';
import {
  addCaregiver,
  invitedParent,
  PARENT_PASSWORD,
  portalWorld,
  totpAt,
} from '../../testing/portal-world.ts';
import { actor, createOrg, relate, seedFamily } from '../../testing/world.ts';

forEachDatabase('parent portal', (current) => {
  const world = portalWorld(current);
  const family = () => world.family();

  async function invite(familyId: string, personId: string) {
    return world.nurse.client.post(`/api/families/${familyId}/persons/${personId}/portal-invitation`, {
      parentalAuthority: true,
    });
  }

  it('invites with a single-use code (stored hashed, 14 days), redeems it, enrols TOTP and sees the world.nurse’s read', async () => {
    const f = await family();
    const invitation = await invite(f.familyId, f.caregiverId);
    expect(invitation.status).toBe(201);
    const code = String(invitation.json?.code);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(invitation.json?.expiresAt).toBe('2026-03-16T09:00:00.000Z');
    const stored = await current()
      .db.selectFrom('portal_invitations')
      .selectAll()
      .where('person_id', '=', f.caregiverId)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code.replace(/-/g, ''));

    const parent = new ApiClient(world.server.url);
    const redeemed = await parent.post('/api/portal/invitations/redeem', {
      code: code.toLowerCase(),
      email: 'sanne@thuis.example',
      password: PARENT_PASSWORD,
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.json).toMatchObject({ stage: 'enrol', secret: expect.any(String) });
    expect(redeemed.headers.getSetCookie().join(';')).toMatch(
      /^nestwerk_parent=.*HttpOnly.*SameSite=Strict/i,
    );
    // Before the first code the portal stays shut.
    expect((await parent.get('/api/portal/me')).status).toBe(401);
    const enrolled = await parent.post('/api/portal/session/totp', {
      code: await totpAt(String(redeemed.json?.secret), world.server.clock.now()),
    });
    expect(enrolled.status).toBe(200);

    // Once only.
    const again = await new ApiClient(world.server.url).post('/api/portal/invitations/redeem', {
      code,
      email: 'iemand@anders.example',
      password: PARENT_PASSWORD,
    });
    expect(again.status).toBe(422);
    expect(again.json?.issues).toEqual([{ path: 'code', code: 'invitation_invalid' }]);

    ok(await world.nurse.client.get(`/api/families/${f.familyId}`));
    const me = ok(await parent.get('/api/portal/me'));
    expect(me).toMatchObject({
      family: { id: f.familyId },
      region: 'nl',
      parent: { personId: f.caregiverId, email: 'sanne@thuis.example', role: 'mother' },
    });
    const children = me.children as Array<{ id: string; tips: { band: string } | null }>;
    expect(children).toEqual([expect.objectContaining({ id: f.childId, ageMonths: 8 })]);
    expect(children[0]?.tips?.band).toBe('0_2');
    const log = ok(await parent.get('/api/portal/access-log'));
    const items = log.items as Array<Record<string, unknown>>;
    expect(items).toContainEqual(
      expect.objectContaining({ role: 'nurse', action: 'read', name: null, self: false, emergency: false }),
    );
    expect(items.find((i) => i.role === 'nurse')?.organisation).toEqual(expect.any(String));
    // A worklist that shows the family is a line of its own: the name was seen, the file not opened.
    expect(items.some((i) => i.action === 'listed')).toBe(false);
    ok(await world.nurse.client.get('/api/worklist?scope=mine'));
    const listed = ok(await parent.get('/api/portal/access-log')).items as Array<Record<string, unknown>>;
    expect(listed).toContainEqual(expect.objectContaining({ role: 'nurse', action: 'listed', self: false }));
    expect(listed.filter((i) => i.role === 'nurse' && i.action === 'read')).toHaveLength(
      items.filter((i) => i.role === 'nurse' && i.action === 'read').length,
    );
    // Names only when the organisation chose to show them, by its application manager.
    expect(
      (
        await world.nurse.client.request('PUT', '/api/organisation/portal-settings', {
          body: { showNamesToParents: true },
        })
      ).status,
    ).toBe(403);
    const manager = await actor(world.server, current().db, world.org, 'application_manager');
    ok(
      await manager.client.request('PUT', '/api/organisation/portal-settings', {
        body: { showNamesToParents: true },
      }),
    );
    try {
      const named = ok(await parent.get('/api/portal/access-log')).items as Array<Record<string, unknown>>;
      expect(named.find((i) => i.role === 'nurse')?.name).toBe(world.nurse.email.split('@')[0]);
    } finally {
      ok(
        await manager.client.request('PUT', '/api/organisation/portal-settings', {
          body: { showNamesToParents: false },
        }),
      );
    }
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'user_role', 'basis'])
      .where('user_role', '=', 'parent')
      .where('family_id', '=', f.familyId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'portal.invitation.redeem',
        'portal.login',
        'portal.me.read',
        'portal.access_log.read',
      ]),
    );
  });

  it('expires after 14 days; a new code revokes the old one', async () => {
    const f = await family();
    const first = String((await invite(f.familyId, f.caregiverId)).json?.code);
    const second = String((await invite(f.familyId, f.caregiverId)).json?.code);
    const redeem = (code: string) =>
      new ApiClient(world.server.url).post('/api/portal/invitations/redeem', {
        code,
        email: `x${Date.now()}@thuis.example`,
        password: PARENT_PASSWORD,
      });
    expect((await redeem(first)).status).toBe(422);
    world.server.clock.advanceMinutes(14 * 24 * 60 + 1);
    try {
      expect((await redeem(second)).status).toBe(422);
    } finally {
      world.server.clock.advanceMinutes(-(14 * 24 * 60 + 1));
    }
  });

  it('logs in with password and TOTP (a code only once), in its own cookie with a 15-minute idle limit', async () => {
    const f = await family();
    const p = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    expect((await p.client.request('DELETE', '/api/portal/session')).status).toBe(204);
    expect((await p.client.get('/api/portal/me')).status).toBe(401);
    const step = await p.client.post('/api/portal/session', { email: p.email, password: PARENT_PASSWORD });
    expect(step.json).toEqual({ stage: 'totp' });
    const wrong = await p.client.post('/api/portal/session', {
      email: p.email,
      password: 'fout-wachtwoord-echt-fout',
    });
    expect(wrong.status).toBe(401);
    world.server.clock.advanceMinutes(1);
    const code = await totpAt(p.secret, world.server.clock.now());
    const full = await p.client.post('/api/portal/session', {
      email: p.email,
      password: PARENT_PASSWORD,
      totp: code,
    });
    expect(full.status).toBe(200);
    expect(full.json?.stage).toBe('full');
    const replay = await new ApiClient(world.server.url).post('/api/portal/session', {
      email: p.email,
      password: PARENT_PASSWORD,
      totp: code,
    });
    expect(replay.status).toBe(401);

    // Separate sessions: the parent's cookie opens no professional route, the world.nurse's no portal route.
    expect((await p.client.get(`/api/families/${f.familyId}`)).status).toBe(401);
    expect((await p.client.get('/api/session')).status).toBe(401);
    expect((await world.nurse.client.get('/api/portal/me')).status).toBe(401);

    world.server.clock.advanceMinutes(16);
    const idle = await p.client.get('/api/portal/me');
    expect(idle.status).toBe(401);
    expect(idle.json?.reason).toBe('expired');
    // The world.nurse's own session (longer limit) is untouched by the parent's.
    ok(await world.nurse.client.get(`/api/families/${f.familyId}`));
  });

  it('a parent sees only their own family and their own consents', async () => {
    const a = await family();
    const b = await family();
    const parentA = await invitedParent(world.server, world.nurse, a.familyId, a.caregiverId);
    const consentB = ok(
      await world.nurse.client.post(`/api/families/${b.familyId}/consents`, {
        givenBy: b.caregiverId,
        purpose: 'Overleg met de huisarts',
        recipient: { kind: 'gp', name: 'Huisartsen De Linde' },
        scope: ['child_age'],
      }),
      201,
    );
    expect((ok(await parentA.client.get('/api/portal/consents')).items as unknown[]).length).toBe(0);
    const steal = await parentA.client.post(`/api/portal/consents/${consentB.id}/withdraw`);
    expect(steal.status).toBe(404);
    const me = ok(await parentA.client.get('/api/portal/me'));
    expect((me.family as { id: string }).id).toBe(a.familyId);
    const record = ok(await parentA.client.get('/api/portal/record'));
    expect((record.household as Array<{ id: string }>).map((p) => p.id).sort()).toEqual(
      [a.childId, a.caregiverId].sort(),
    );
  });

  it('suspension by the professional (with a reason) ends the session at once; resume lets the parent in again', async () => {
    const f = await family();
    const p = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    ok(await p.client.get('/api/portal/me'));
    const base = `/api/families/${f.familyId}/persons/${f.caregiverId}/portal-access`;
    const suspended = ok(
      await world.nurse.client.post(`${base}/suspend`, { reason: 'Zorgen over de veiligheid' }),
    );
    expect(suspended.account).toMatchObject({
      status: 'suspended',
      suspendedReason: 'Zorgen over de veiligheid',
    });
    expect((await p.client.get('/api/portal/me')).status).toBe(401);
    world.server.clock.advanceMinutes(1);
    const login = await p.client.post('/api/portal/session', {
      email: p.email,
      password: PARENT_PASSWORD,
      totp: await totpAt(p.secret, world.server.clock.now()),
    });
    expect(login.status).toBe(403);
    expect(login.json?.reason).toBe('suspended');
    ok(await world.nurse.client.post(`${base}/resume`, { reason: 'Besproken in het team' }));
    world.server.clock.advanceMinutes(1);
    const back = await p.client.post('/api/portal/session', {
      email: p.email,
      password: PARENT_PASSWORD,
      totp: await totpAt(p.secret, world.server.clock.now()),
    });
    expect(back.status).toBe(200);
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('family_id', '=', f.familyId)
      .where('action', 'in', ['portal.access.suspend', 'portal.access.resume'])
      .execute();
    expect(audit.map((r) => [r.action, r.user_id])).toEqual([
      ['portal.access.suspend', world.nurse.id],
      ['portal.access.resume', world.nurse.id],
    ]);
  });

  it('refuses a caregiver without parental authority or flagged in an open safety route — at invite, redeem and on use', async () => {
    const db = current().db;
    const f = await family();
    const other = await addCaregiver(db, f.familyId, 'Kees');
    ok(
      await world.nurse.client.request(
        'PUT',
        `/api/families/${f.familyId}/persons/${other}/parental-authority`,
        {
          body: { parentalAuthority: false },
        },
      ),
    );
    const noAuthority = await invite(f.familyId, other);
    expect(noAuthority.status).toBe(422);
    expect(noAuthority.json?.issues).toEqual([
      { path: 'personId', code: 'access_refused', params: { reason: 'no_parental_authority' } },
    ]);

    // Invited, then named in a safety route before redeeming.
    const code = String((await invite(f.familyId, f.caregiverId)).json?.code);
    const routeId = crypto.randomUUID();
    await db
      .insertInto('safety_routes')
      .values({
        id: routeId,
        family_id: f.familyId,
        region: 'nl',
        route: 'meldcode_veilig_thuis',
        concerns_json: '[]',
        status: 'open',
        decision_json: null,
        opened_by: world.nurse.id,
        opened_at: '2026-03-01T09:00:00.000Z',
        closed_by: null,
        closed_at: null,
        version: 1,
      })
      .execute();
    // Flagging writes to the flag table only; the open code stays so the refusal at redemption shows.
    await db
      .insertInto('safety_route_persons')
      .values({
        route_id: routeId,
        person_id: f.caregiverId,
        flagged_by: world.nurse.id,
        flagged_at: '2026-03-01T09:00:00.000Z',
      })
      .execute();
    const refused = await new ApiClient(world.server.url).post('/api/portal/invitations/redeem', {
      code,
      email: 'geblokkeerd@thuis.example',
      password: PARENT_PASSWORD,
    });
    expect(refused.status).toBe(422);
    expect(refused.json?.issues).toEqual([
      { path: 'code', code: 'access_refused', params: { reason: 'safety_route' } },
    ]);
    const access = ok(await world.nurse.client.get(`/api/families/${f.familyId}/portal-access`));
    expect(access.caregivers).toContainEqual(
      expect.objectContaining({
        personId: f.caregiverId,
        flaggedInSafetyRoute: true,
        blocked: 'safety_route',
      }),
    );

    // On use: a parent logged in before the flag loses the session at the next request.
    const g = await family();
    const p = await invitedParent(world.server, world.nurse, g.familyId, g.caregiverId);
    ok(await p.client.get('/api/portal/me'));
    const route2 = crypto.randomUUID();
    await db
      .insertInto('safety_routes')
      .values({
        id: route2,
        family_id: g.familyId,
        region: 'nl',
        route: 'meldcode_veilig_thuis',
        concerns_json: '[]',
        status: 'open',
        decision_json: null,
        opened_by: world.nurse.id,
        opened_at: '2026-03-01T09:00:00.000Z',
        closed_by: null,
        closed_at: null,
        version: 1,
      })
      .execute();
    expect(
      (
        await world.nurse.client.request('POST', `/api/safety-routes/${route2}/flagged-persons`, {
          body: { personId: g.caregiverId },
        })
      ).status,
    ).toBe(204);
    const after = await p.client.get('/api/portal/me');
    expect(after.status).toBe(401);
  });

  it('self-report: risk answers return help and notify the world.nurse; the world.nurse sees it marked parent; the other parent does not', async () => {
    const db = current().db;
    const f = await family();
    const fatherId = await addCaregiver(db, f.familyId, 'Joris');
    const mother = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const father = await invitedParent(world.server, world.nurse, f.familyId, fatherId);

    const calm = ok(
      await father.client.post('/api/portal/self-reports', {
        howAreYou: 'Goed, wel moe',
        wantToDiscuss: 'Slapen',
      }),
      201,
    );
    expect(calm.help).toBeNull();

    const report = ok(
      await mother.client.post('/api/portal/self-reports', {
        childId: f.childId,
        howAreYou: 'Ik zie het niet meer zitten',
        whooley: { depressed: true, lostInterest: true },
        gad2: { nervous: 2, worrying: 2 },
      }),
      201,
    );
    expect(report.help).toEqual({
      region: 'nl',
      crisisLine: '113',
      organisationName: expect.any(String),
      organisationPhone: null,
      gp: true,
    });
    expect(report.report).toMatchObject({ source: 'parent', personId: f.caregiverId, risk: true });

    const notices = ok(await world.nurse.client.get('/api/notifications')).items as Array<
      Record<string, unknown>
    >;
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'parent_self_report', familyId: f.familyId }),
    );

    // Each parent sees only their own answers.
    const fathers = ok(await father.client.get('/api/portal/self-reports')).items as Array<{
      personId: string;
    }>;
    expect(fathers.map((r) => r.personId)).toEqual([fatherId]);
    const mothers = ok(await mother.client.get('/api/portal/self-reports')).items as Array<{
      personId: string;
    }>;
    expect(mothers.map((r) => r.personId)).toEqual([f.caregiverId]);

    // The world.nurse sees both, marked as reported by the parent, and the answers in the perinatal screening.
    const seen = ok(await world.nurse.client.get(`/api/families/${f.familyId}/self-reports`)).items as Array<
      Record<string, unknown>
    >;
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      source: 'parent',
      reportedBy: { id: f.caregiverId, role: 'mother' },
      howAreYou: 'Ik zie het niet meer zitten',
    });
    // The family file the world.nurse opens at the next contact carries them too.
    const file = ok(await world.nurse.client.get(`/api/families/${f.familyId}`));
    expect(file.selfReports).toEqual([
      expect.objectContaining({ source: 'parent', personId: f.caregiverId, risk: true }),
      expect.objectContaining({ source: 'parent', personId: fatherId, risk: false }),
    ]);
    const screenings = ok(await world.nurse.client.get(`/api/families/${f.familyId}/screenings`))
      .screenings as Array<{
      personId: string;
      screenings: Array<{ instrument: string; source: string }>;
    }>;
    const hers = screenings.find((s) => s.personId === f.caregiverId)?.screenings ?? [];
    expect(hers.map((s) => [s.instrument, s.source]).sort()).toEqual([
      ['gad_2', 'parent'],
      ['whooley', 'parent'],
    ]);
    const empty = await mother.client.post('/api/portal/self-reports', {});
    expect(empty.status).toBe(400);
    expect(empty.json?.issues).toEqual([{ path: 'howAreYou', code: 'required' }]);
  });

  it('in Flanders the help names 1813 and Kind en Gezin’s number', async () => {
    const db = current().db;
    const be = await createOrg(db, { region: 'be' });
    await db
      .updateTable('organisations')
      .set({ phone: '078 150 100' })
      .where('id', '=', be.organisationId)
      .execute();
    const beNurse = await actor(world.server, db, be, 'nurse');
    const f = await seedFamily(db, be.organisationId, beNurse.id);
    await relate(db, f.familyId, { userId: beNurse.id }, beNurse.id);
    const p = await invitedParent(world.server, beNurse, f.familyId, f.caregiverId);
    const res = ok(
      await p.client.post('/api/portal/self-reports', {
        whooley: { depressed: true, lostInterest: false },
        gad2: { nervous: 2, worrying: 1 },
      }),
      201,
    );
    expect(res.help).toMatchObject({ region: 'be', crisisLine: '1813', organisationPhone: '078 150 100' });
    expect(ok(await p.client.get('/api/portal/me')).region).toBe('be');
  });

  it('holding back a contact hides it from the parent, with a reason, until released', async () => {
    const f = await family();
    const contactId = await concerningContact(world.nurse, f);
    const p = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const ids = () =>
      p.client
        .get('/api/portal/record')
        .then((r) => (ok(r).contacts as Array<{ id: string }>).map((c) => c.id));
    expect(await ids()).toContain(contactId);
    const held = ok(
      await world.nurse.client.post(`/api/families/${f.familyId}/held-back`, {
        kind: 'contact',
        subjectId: contactId,
        reason: 'Bevat informatie van de andere ouder',
      }),
      201,
    );
    expect(await ids()).not.toContain(contactId);
    expect((await world.nurse.client.delete(`/api/held-back/${held.id}`)).status).toBe(204);
    expect(await ids()).toContain(contactId);
  });

  it('a parent withdrawing a consent blocks the receiving team at once', async () => {
    const db = current().db;
    const f = await family();
    const imhOrg = await createOrg(db, { kind: 'partner', name: 'IMH-team Portaal (test)' });
    const imhUser = await actor(world.server, db, imhOrg, 'imh_specialist');
    const partnerId = await seedPartner(db, world.org.organisationId, {
      name: 'IMH-team Portaal',
      kind: 'imh_specialist',
      municipalities: ['Utrecht'],
      interventions: ['imh_team'],
      nestwerkOrganisationId: imhOrg.organisationId,
      feedbackDays: 10,
    });
    const contactId = await concerningContact(world.nurse, f);
    const draft = ok(
      await world.nurse.client.post(`/api/families/${f.familyId}/referrals`, {
        partnerId,
        contactId,
        recommendationId: 'refer_outside',
        consent: {
          givenBy: f.caregiverId,
          purpose: 'Aanmelding bij het IMH-team',
          scope: ['reason', 'referrer', 'child_age', 'cues', 'factors', 'interventions', 'parent_wishes'],
          validUntil: '2026-12-31',
        },
        reasonText: 'Huilt veel',
      }),
      201,
    );
    const sent = ok(
      await world.nurse.client.post(`/api/referrals/${draft.id}/send`, { version: draft.version }),
    );
    ok(await imhUser.client.get(`/api/intake/${sent.id}`));
    const p = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const consents = ok(await p.client.get('/api/portal/consents')).items as Array<{
      id: string;
      status: string;
    }>;
    expect(consents).toHaveLength(1);
    const withdrawn = ok(await p.client.post(`/api/portal/consents/${consents[0]?.id}/withdraw`));
    expect(withdrawn.status).toBe('withdrawn');
    const read = await imhUser.client.get(`/api/intake/${sent.id}`);
    expect(read.status).toBe(403);
    expect(read.json?.reason).toBe('consent_withdrawn');
    const record = ok(await p.client.get('/api/portal/record'));
    expect(record.referrals).toEqual([expect.objectContaining({ id: sent.id, consentWithdrawn: true })]);
    const log = ok(await p.client.get('/api/portal/access-log')).items as Array<Record<string, unknown>>;
    expect(log[0]).toMatchObject({ action: 'consent', self: true, role: 'parent', organisation: null });
    // The parent's own reads stay out of their access log; the professionals' are there.
    expect(log.filter((l) => l.self).map((l) => l.action)).toEqual(['consent', 'portal']);
    const row = await db
      .selectFrom('audit_log')
      .select(['user_id', 'user_role', 'basis'])
      .where('action', '=', 'consent.withdraw')
      .where('family_id', '=', f.familyId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: p.parentId, user_role: 'parent', basis: 'parent' });
  });
});

forEachDatabase('parent portal: redemption is throttled', (current) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        ...LONG_SESSIONS,
        login: {
          maxFailuresPerAccount: 3,
          lockMinutes: 15,
          maxAttemptsPerIp: 6,
          maxStartsPerIp: 1000,
          windowMinutes: 15,
        },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('wrong codes', () => {
    it('locks one code after a few tries, then the address', async () => {
      const client = new ApiClient(server.url);
      const attempt = (code: string) =>
        client.post('/api/portal/invitations/redeem', {
          code,
          email: 'x@thuis.example',
          password: PARENT_PASSWORD,
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt('AAAA-BBBB-CCCC-DDDD-EEEE')).status);
      expect(statuses).toEqual([422, 422, 422, 429]);
      const more: number[] = [];
      for (let i = 0; i < 4; i++) more.push((await attempt(`ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ${i}`)).status);
      expect(more.at(-1)).toBe(429);
      const row = await current()
        .db.selectFrom('audit_log')
        .select('outcome')
        .where('action', '=', 'portal.invitation.redeem')
        .where('outcome', '=', 'failure')
        .execute();
      expect(row.length).toBeGreaterThanOrEqual(3);
    });
  });
});
