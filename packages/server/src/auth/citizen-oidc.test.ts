import { afterAll, beforeAll, expect, it } from 'vitest';
import { nationalIdColumns } from '../domain/national-id.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { FakeIdp } from '../testing/fake-idp.ts';
import { LONG_SESSIONS, ok } from '../testing/network-world.ts';
import { addCaregiver, invitedParent, PARENT_PASSWORD } from '../testing/portal-world.ts';
import { type Actor, actor, createOrg, type Org, relate, seedFamily } from '../testing/world.ts';

const CLIENT_ID = 'nestwerk-citizen-test';
/** Valid BSNs (elfproef) and INSZ numbers (mod 97, born before and from 2000). */
const BSN_MOTHER = '111222333';
const BSN_OTHER = '123456782';
const BSN_INVALID = '123456789';
const INSZ_PARENT = '85073003328';
const INSZ_OTHER = '15031406178';

interface World {
  server: TestServer;
  org: Org;
  nurse: Actor;
}

forEachDatabase('parent log-in through the citizen identity provider', (current) => {
  const idp = new FakeIdp(CLIENT_ID);
  let nl: World;
  let be: World;

  async function world(region: 'nl' | 'be'): Promise<World> {
    const db = current().db;
    const org = await createOrg(db, { region });
    const server = await startTestServer({
      db,
      dialect: current().dialect,
      config: {
        ...LONG_SESSIONS,
        citizenOidc: {
          issuer: idp.issuer,
          clientId: CLIENT_ID,
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/portal/oidc/callback',
          organisationId: org.organisationId,
          idClaim: region === 'be' ? 'rrn' : 'sub',
          scope: 'openid',
        },
      },
    });
    const nurse = await actor(server, db, org, 'nurse');
    return { server, org, nurse };
  }

  beforeAll(async () => {
    await idp.start();
    nl = await world('nl');
    be = await world('be');
  });
  afterAll(async () => {
    await nl?.server.close();
    await be?.server.close();
    await idp.close();
  });

  /** A family of the world's organisation with the nurse in its care, the mother's number on her file. */
  async function family(w: World, number: { system: 'bsn' | 'insz'; digits: string } | null) {
    const db = current().db;
    const f = await seedFamily(db, w.org.organisationId, w.nurse.id);
    await relate(db, f.familyId, { userId: w.nurse.id }, w.nurse.id);
    if (number)
      await db
        .updateTable('persons')
        .set(nationalIdColumns(w.server.app.secrets, number.system, number.digits, f.caregiverId, 'x'))
        .where('id', '=', f.caregiverId)
        .execute();
    return f;
  }

  async function invite(w: World, familyId: string, personId: string): Promise<string> {
    const res = await w.nurse.client.post(`/api/families/${familyId}/persons/${personId}/portal-invitation`, {
      parentalAuthority: true,
    });
    expect(res.status).toBe(201);
    return String(res.json?.code);
  }

  /** Start (log-in, or activation with the letter) → the provider authenticates → callback, as a browser. */
  async function viaIdp(
    client: ApiClient,
    claims: Record<string, unknown>,
    options: { activation?: { code: string; email: string }; tamper?: (q: URLSearchParams) => void } = {},
  ) {
    let authorize: URL;
    if (options.activation) {
      const started = ok(await client.post('/api/portal/oidc/activation', options.activation));
      authorize = new URL(String(started.redirectUrl));
    } else {
      const start = await client.get('/api/portal/oidc/start');
      expect(start.status).toBe(302);
      authorize = new URL(start.headers.get('location') ?? '');
    }
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://127.0.0.1/api/portal/oidc/callback');
    idp.nonce = authorize.searchParams.get('nonce') ?? '';
    idp.nextClaims = claims;
    const query = new URLSearchParams({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' });
    options.tamper?.(query);
    const flowCookie = client.cookie;
    const back = await client.get(`/api/portal/oidc/callback?${query}`);
    return { back, flowCookie, query, state: authorize.searchParams.get('state') ?? '' };
  }

  async function parentAudit(familyId: string) {
    return current()
      .db.selectFrom('audit_log')
      .select(['action', 'outcome', 'details_json'])
      .where('user_role', '=', 'parent')
      .where('family_id', '=', familyId)
      .orderBy('seq')
      .execute();
  }

  async function auditSince(seq: number) {
    return current()
      .db.selectFrom('audit_log')
      .select(['seq', 'action', 'outcome', 'details_json', 'user_id'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  }

  async function lastSeq(): Promise<number> {
    const row = await current()
      .db.selectFrom('audit_log')
      .select(({ fn }) => fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  it('offers DigiD to a Dutch organisation and itsme to a Flemish one', async () => {
    expect(ok(await new ApiClient(nl.server.url).get('/api/portal/login-options'))).toEqual({
      citizen: { provider: 'digid' },
    });
    expect(ok(await new ApiClient(be.server.url).get('/api/portal/login-options'))).toEqual({
      citizen: { provider: 'itsme' },
    });
  });

  it('activates with the letter and DigiD, then logs in with DigiD alone; the number is never audited', async () => {
    const before = await lastSeq();
    const f = await family(nl, { system: 'bsn', digits: BSN_MOTHER });
    const code = await invite(nl, f.familyId, f.caregiverId);
    const browser = new ApiClient(nl.server.url);
    const { back } = await viaIdp(
      browser,
      { sub: '111 222 333' },
      {
        activation: { code, email: 'Moeder@Thuis.example' },
      },
    );
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/portaal');
    expect(back.headers.getSetCookie().join(';')).toMatch(/nestwerk_parent=.*HttpOnly.*SameSite=Strict/i);

    // The session is a normal parent session: every portal route answers, with the same access checks.
    const me = ok(await browser.get('/api/portal/me'));
    expect(me).toMatchObject({
      family: { id: f.familyId },
      parent: { personId: f.caregiverId, email: 'moeder@thuis.example' },
    });
    ok(await browser.get('/api/portal/session'));
    ok(await browser.get('/api/portal/record'));
    ok(await browser.get('/api/portal/access-log'));
    ok(await browser.get('/api/portal/consents'));
    const report = await browser.post('/api/portal/self-reports', { howAreYou: 'Goed, wel moe.' });
    expect(report.status).toBe(201);

    // The letter is spent; the account has no password anybody knows and counts as active for the nurse.
    const account = await current()
      .db.selectFrom('parent_accounts')
      .selectAll()
      .where('person_id', '=', f.caregiverId)
      .executeTakeFirstOrThrow();
    expect(account.login_method).toBe('citizen');
    const again = await new ApiClient(nl.server.url).post('/api/portal/oidc/activation', {
      code,
      email: 'iemand@anders.example',
    });
    expect(again.status).toBe(422);
    expect(again.json?.issues).toEqual([{ path: 'code', code: 'invitation_invalid' }]);
    const access = ok(await nl.nurse.client.get(`/api/families/${f.familyId}/portal-access`));
    expect(access.caregivers).toContainEqual(
      expect.objectContaining({
        personId: f.caregiverId,
        account: expect.objectContaining({ status: 'active' }),
      }),
    );
    const password = await new ApiClient(nl.server.url).post('/api/portal/session', {
      email: 'moeder@thuis.example',
      password: PARENT_PASSWORD,
    });
    expect(password.status).toBe(401);

    // Next time: DigiD alone, in another browser.
    const later = new ApiClient(nl.server.url);
    const { back: back2 } = await viaIdp(later, { sub: BSN_MOTHER });
    expect(back2.headers.get('location')).toBe('/portaal');
    expect(ok(await later.get('/api/portal/me')).parent).toMatchObject({ personId: f.caregiverId });

    const audit = await parentAudit(f.familyId);
    expect(audit.map((a) => [a.action, a.outcome])).toEqual(
      expect.arrayContaining([
        ['portal.invitation.redeem', 'success'],
        ['portal.login', 'success'],
      ]),
    );
    expect(audit.filter((a) => a.action === 'portal.login')).toHaveLength(2);
    for (const a of audit.filter((x) => x.action === 'portal.login'))
      expect(JSON.parse(a.details_json ?? '{}')).toMatchObject({
        method: 'citizen_oidc',
        issuer: idp.issuer,
      });
    // The starts are audited too; nowhere in the log is the number, however written.
    const all = await auditSince(before);
    expect(all.filter((a) => a.action === 'portal.citizen.start')).toHaveLength(2);
    for (const row of all) {
      expect(row.details_json ?? '').not.toContain(BSN_MOTHER);
      expect(row.details_json ?? '').not.toContain('111 222 333');
      expect(row.details_json ?? '').not.toContain(
        nationalIdColumns(nl.server.app.secrets, 'bsn', BSN_MOTHER, f.caregiverId, 'x').national_id_key,
      );
    }
  });

  it('lets a parent who activated with a password log in with DigiD when their file carries the number', async () => {
    const f = await family(nl, { system: 'bsn', digits: BSN_OTHER });
    const existing = await invitedParent(nl.server, nl.nurse, f.familyId, f.caregiverId);
    const browser = new ApiClient(nl.server.url);
    const { back } = await viaIdp(browser, { sub: BSN_OTHER });
    expect(back.headers.get('location')).toBe('/portaal');
    expect(ok(await browser.get('/api/portal/me')).parent).toMatchObject({ id: existing.parentId });
  });

  it('refuses a wrong state and a replayed callback, and spends the flow on the first try', async () => {
    const f = await family(nl, { system: 'bsn', digits: '100000009' });
    await invitedParent(nl.server, nl.nurse, f.familyId, f.caregiverId);

    const forged = new ApiClient(nl.server.url);
    const wrong = await viaIdp(forged, { sub: '100000009' }, { tamper: (q) => q.set('state', 'forged') });
    expect(wrong.back.headers.get('location')).toBe('/portaal/inloggen?error=citizen_failed');
    expect((await forged.get('/api/portal/me')).status).toBe(401);
    // The same flow cannot be finished afterwards with the right state.
    const retry = new ApiClient(nl.server.url);
    retry.cookie = wrong.flowCookie;
    wrong.query.set('state', wrong.state);
    const late = await retry.get(`/api/portal/oidc/callback?${wrong.query}`);
    expect(late.headers.get('location')).toBe('/portaal/inloggen?error=citizen_failed');

    const browser = new ApiClient(nl.server.url);
    const first = await viaIdp(browser, { sub: '100000009' });
    expect(first.back.headers.get('location')).toBe('/portaal');
    // Replayed with the same cookie (a copied request) and from another browser (a copied link): no session.
    const replay = new ApiClient(nl.server.url);
    replay.cookie = first.flowCookie;
    const replayed = await replay.get(`/api/portal/oidc/callback?${first.query}`);
    expect(replayed.headers.get('location')).toBe('/portaal/inloggen?error=citizen_failed');
    expect((await replay.get('/api/portal/me')).status).toBe(401);
    const elsewhere = new ApiClient(nl.server.url);
    const copied = await elsewhere.get(`/api/portal/oidc/callback?${first.query}`);
    expect(copied.headers.get('location')).toBe('/portaal/inloggen?error=citizen_expired');
    expect((await elsewhere.get('/api/portal/me')).status).toBe(401);

    const reasons = (await parentAudit(f.familyId)).length;
    expect(reasons).toBeGreaterThan(0);
    const failed = await current()
      .db.selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'portal.login.failed')
      .where('details_json', 'like', '%citizen_oidc%')
      .execute();
    const why = failed.map((r) => JSON.parse(r.details_json ?? '{}').reason);
    expect(why).toEqual(expect.arrayContaining(['token_rejected', 'replayed', 'absent']));
  });

  it("refuses a number that is not the invited parent's, and keeps the letter usable for the right one", async () => {
    const f = await family(nl, { system: 'bsn', digits: '100000010' });
    const code = await invite(nl, f.familyId, f.caregiverId);
    const intruder = new ApiClient(nl.server.url);
    const { back } = await viaIdp(
      intruder,
      { sub: BSN_OTHER },
      {
        activation: { code, email: 'indringer@thuis.example' },
      },
    );
    expect(back.headers.get('location')).toBe('/portaal/activeren?error=citizen_mismatch');
    expect((await intruder.get('/api/portal/me')).status).toBe(401);
    const redeem = (await parentAudit(f.familyId)).length;
    expect(redeem).toBe(0);
    const mismatch = await current()
      .db.selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'portal.invitation.redeem')
      .where('details_json', 'like', '%national_id_mismatch%')
      .execute();
    expect(mismatch.length).toBeGreaterThan(0);

    const parent = new ApiClient(nl.server.url);
    const right = await viaIdp(
      parent,
      { sub: '100000010' },
      {
        activation: { code, email: 'ouder.mismatch@thuis.example' },
      },
    );
    expect(right.back.headers.get('location')).toBe('/portaal');

    // A number with no portal account behind it opens nothing.
    const stranger = new ApiClient(nl.server.url);
    const unknown = await viaIdp(stranger, { sub: '100000022' });
    expect(unknown.back.headers.get('location')).toBe('/portaal/inloggen?error=citizen_unknown');
  });

  it('refuses a number that fails the elfproef, or a token without the claim', async () => {
    const f = await family(nl, { system: 'bsn', digits: '100000034' });
    const code = await invite(nl, f.familyId, f.caregiverId);
    const browser = new ApiClient(nl.server.url);
    const bad = await viaIdp(
      browser,
      { sub: BSN_INVALID },
      { activation: { code, email: 'x1@thuis.example' } },
    );
    expect(bad.back.headers.get('location')).toBe('/portaal/activeren?error=citizen_failed');
    const notNumber = await viaIdp(
      browser,
      { sub: 'user-1' },
      { activation: { code, email: 'x1@thuis.example' } },
    );
    expect(notNumber.back.headers.get('location')).toBe('/portaal/activeren?error=citizen_failed');
    const reasons = await current()
      .db.selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'portal.invitation.redeem')
      .where('details_json', 'like', '%citizen_oidc%')
      .execute();
    const why = reasons.map((r) => JSON.parse(r.details_json ?? '{}').reason);
    expect(why.filter((w) => w === 'invalid_national_id')).toHaveLength(2);
    for (const r of reasons) expect(r.details_json).not.toContain(BSN_INVALID);
  });

  it('comes back with the provider’s refusal, and with an invitation replaced meanwhile', async () => {
    const f = await family(nl, { system: 'bsn', digits: '100000046' });
    const code = await invite(nl, f.familyId, f.caregiverId);
    const browser = new ApiClient(nl.server.url);
    const cancelled = await viaIdp(
      browser,
      { sub: '100000046' },
      {
        activation: { code, email: 'x2@thuis.example' },
        tamper: (q) => {
          q.delete('code');
          q.set('error', 'access_denied');
        },
      },
    );
    expect(cancelled.back.headers.get('location')).toBe('/portaal/activeren?error=citizen_cancelled');

    // The nurse sends a new letter while the parent is at DigiD: the old code no longer redeems.
    const started = ok(
      await browser.post('/api/portal/oidc/activation', { code, email: 'x2@thuis.example' }),
    );
    await invite(nl, f.familyId, f.caregiverId);
    const authorize = new URL(String(started.redirectUrl));
    idp.nonce = authorize.searchParams.get('nonce') ?? '';
    idp.nextClaims = { sub: '100000046' };
    const back = await browser.get(
      `/api/portal/oidc/callback?${new URLSearchParams({ code: 'c', state: authorize.searchParams.get('state') ?? '' })}`,
    );
    expect(back.headers.get('location')).toBe('/portaal/activeren?error=citizen_invitation');
    expect((await browser.get('/api/portal/me')).status).toBe(401);
  });

  it('refuses a flagged and a suspended parent with the same answer, ending no more than that', async () => {
    const db = current().db;
    const flaggedFamily = await family(nl, { system: 'bsn', digits: '100000058' });
    await invitedParent(nl.server, nl.nurse, flaggedFamily.familyId, flaggedFamily.caregiverId);
    const route = crypto.randomUUID();
    await db
      .insertInto('safety_routes')
      .values({
        id: route,
        family_id: flaggedFamily.familyId,
        region: 'nl',
        route: 'meldcode_veilig_thuis',
        concerns_json: '[]',
        status: 'open',
        decision_json: null,
        opened_by: nl.nurse.id,
        opened_at: '2026-03-01T09:00:00.000Z',
        closed_by: null,
        closed_at: null,
        version: 1,
      })
      .execute();
    const flag = await nl.nurse.client.request('POST', `/api/safety-routes/${route}/flagged-persons`, {
      body: { personId: flaggedFamily.caregiverId },
    });
    expect(flag.status).toBe(204);

    const suspendedFamily = await family(nl, { system: 'bsn', digits: '100000071' });
    await invitedParent(nl.server, nl.nurse, suspendedFamily.familyId, suspendedFamily.caregiverId);
    ok(
      await nl.nurse.client.post(
        `/api/families/${suspendedFamily.familyId}/persons/${suspendedFamily.caregiverId}/portal-access/suspend`,
        { reason: 'Op verzoek van de ouder zelf' },
      ),
    );

    for (const digits of ['100000058', '100000071']) {
      const browser = new ApiClient(nl.server.url);
      const { back } = await viaIdp(browser, { sub: digits });
      // One answer for both: a flagged parent must not learn about the safety route from the portal.
      expect(back.headers.get('location')).toBe('/portaal/inloggen?error=citizen_ended');
      expect((await browser.get('/api/portal/me')).status).toBe(401);
    }
    const denied = await parentAudit(flaggedFamily.familyId);
    expect(denied.at(-1)).toMatchObject({ action: 'portal.login.failed', outcome: 'denied' });
    expect(JSON.parse(denied.at(-1)?.details_json ?? '{}')).toMatchObject({ reason: 'safety_route' });

    // A flagged caregiver's letter is refused before the provider, as redeeming it with a password is.
    const fatherId = await addCaregiver(db, flaggedFamily.familyId, 'Bram');
    const fatherCode = await invite(nl, flaggedFamily.familyId, fatherId);
    // Written straight to the table: flagging through the API also revokes the open letter, and this checks the
    // activation's own refusal behind that.
    await db
      .insertInto('safety_route_persons')
      .values({
        route_id: route,
        person_id: fatherId,
        flagged_by: nl.nurse.id,
        flagged_at: '2026-03-02T08:00:00.000Z',
      })
      .execute();
    const refused = await new ApiClient(nl.server.url).post('/api/portal/oidc/activation', {
      code: fatherCode,
      email: 'bram@thuis.example',
    });
    expect(refused.status).toBe(422);
    expect(refused.json?.issues).toEqual([
      { path: 'code', code: 'access_refused', params: { reason: 'safety_route' } },
    ]);
  });

  it('answers a letter whose parent has no number on file, and bad input, with a 4xx naming the field', async () => {
    const f = await family(nl, null);
    const code = await invite(nl, f.familyId, f.caregiverId);
    const client = new ApiClient(nl.server.url);
    const none = await client.post('/api/portal/oidc/activation', { code, email: 'geen@thuis.example' });
    expect(none.status).toBe(422);
    expect(none.json?.issues).toEqual([{ path: 'code', code: 'citizen_unavailable' }]);
    const email = await client.post('/api/portal/oidc/activation', { code, email: 'geen-adres' });
    expect(email.status).toBe(400);
    expect(email.json?.field).toBe('email');
    const extra = await client.post('/api/portal/oidc/activation', {
      code,
      email: 'a@b.example',
      password: 'x',
    });
    expect(extra.status).toBe(400);
    const missing = await client.post('/api/portal/oidc/activation', { email: 'a@b.example' });
    expect(missing.status).toBe(400);
    expect(missing.json?.field).toBe('code');
  });

  it('logs a Flemish parent in with itsme and the INSZ; a BSN from the provider is no INSZ', async () => {
    const f = await family(be, { system: 'insz', digits: INSZ_PARENT });
    const code = await invite(be, f.familyId, f.caregiverId);
    const browser = new ApiClient(be.server.url);
    const wrongKind = await viaIdp(
      browser,
      { rrn: BSN_MOTHER },
      {
        activation: { code, email: 'mama@thuis.example' },
      },
    );
    expect(wrongKind.back.headers.get('location')).toBe('/portaal/activeren?error=citizen_failed');
    const noClaim = await viaIdp(
      browser,
      { sub: 'pairwise-1' },
      {
        activation: { code, email: 'mama@thuis.example' },
      },
    );
    expect(noClaim.back.headers.get('location')).toBe('/portaal/activeren?error=citizen_failed');
    const { back } = await viaIdp(
      browser,
      { rrn: '85.07.30-033.28', sub: 'pairwise-1' },
      {
        activation: { code, email: 'mama@thuis.example' },
      },
    );
    expect(back.headers.get('location')).toBe('/portaal');
    const me = ok(await browser.get('/api/portal/me'));
    expect(me).toMatchObject({ region: 'be', parent: { personId: f.caregiverId } });
    const reasons = (await parentAudit(f.familyId)).map((a) => a.action);
    expect(reasons).toEqual(expect.arrayContaining(['portal.invitation.redeem', 'portal.login']));
    const failures = await current()
      .db.selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'portal.invitation.redeem')
      .where('details_json', 'like', '%no_national_id_claim%')
      .execute();
    expect(failures.length).toBeGreaterThan(0);

    // The same number in a Dutch organisation's provider opens nothing there.
    const other = await viaIdp(new ApiClient(nl.server.url), { sub: INSZ_PARENT });
    expect(other.back.headers.get('location')).toBe('/portaal/inloggen?error=citizen_failed');
    const unknown = await viaIdp(new ApiClient(be.server.url), { rrn: INSZ_OTHER });
    expect(unknown.back.headers.get('location')).toBe('/portaal/inloggen?error=citizen_unknown');
  });

  it('counts log-ins started from one address: past the limit the provider is not asked, passkeys get 429', async () => {
    const db = current().db;
    const org = await createOrg(db);
    const server = await startTestServer({
      db,
      dialect: current().dialect,
      config: {
        logLevel: 'silent',
        login: {
          maxFailuresPerAccount: 10,
          lockMinutes: 15,
          maxAttemptsPerIp: 1000,
          maxStartsPerIp: 2,
          windowMinutes: 15,
        },
        citizenOidc: {
          issuer: idp.issuer,
          clientId: CLIENT_ID,
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/portal/oidc/callback',
          organisationId: org.organisationId,
          idClaim: 'sub',
          scope: 'openid',
        },
      },
    });
    try {
      // The other tests of this file started log-ins from the same address: this one counts from zero.
      await db.deleteFrom('rate_limits').where('key', 'like', 'login-start:%').execute();
      const client = new ApiClient(server.url);
      for (let i = 0; i < 2; i++) {
        const start = await client.get('/api/portal/oidc/start');
        expect(start.status).toBe(302);
        expect(start.headers.get('location')?.startsWith(`${idp.issuer}/authorize`)).toBe(true);
      }
      const third = await client.get('/api/portal/oidc/start');
      expect(third.status).toBe(302);
      expect(third.headers.get('location')).toBe('/portaal/inloggen?error=citizen_busy');
      const passkey = await client.post('/api/portal/session/passkey/options');
      expect(passkey.status).toBe(429);
      expect(passkey.json).toMatchObject({ error: 'rate_limited', retryAfter: expect.any(String) });
      const refused = await db
        .selectFrom('audit_log')
        .select('details_json')
        .where('action', '=', 'portal.citizen.start')
        .where('outcome', '=', 'failure')
        .execute();
      expect(refused.map((r) => JSON.parse(r.details_json ?? '{}').reason)).toContain('rate_limited');
    } finally {
      await server.close();
    }
  });
});

forEachDatabase('citizen log-in not configured', (current) => {
  it('offers only the password, and the flow paths answer 404', async () => {
    const server = await startTestServer({ db: current().db, dialect: current().dialect });
    try {
      const client = new ApiClient(server.url);
      expect(ok(await client.get('/api/portal/login-options'))).toEqual({ citizen: null });
      expect((await client.get('/api/portal/oidc/start')).status).toBe(404);
      expect((await client.get('/api/portal/oidc/callback?code=x&state=y')).status).toBe(404);
      expect(
        (await client.post('/api/portal/oidc/activation', { code: 'ABCD', email: 'a@b.example' })).status,
      ).toBe(404);
    } finally {
      await server.close();
    }
  });
  it('offers nothing when the configured organisation does not exist, instead of failing every log-in page', async () => {
    const server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        logLevel: 'silent',
        citizenOidc: {
          issuer: 'http://127.0.0.1:9',
          clientId: CLIENT_ID,
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/portal/oidc/callback',
          organisationId: 'no-such-organisation',
          idClaim: 'sub',
          scope: 'openid',
        },
      },
    });
    try {
      const client = new ApiClient(server.url);
      expect(ok(await client.get('/api/portal/login-options'))).toEqual({ citizen: null });
      expect((await client.get('/api/portal/oidc/start')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
  it('sends the parent back with a message when the provider cannot be reached', async () => {
    const org = await createOrg(current().db);
    const server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: {
        logLevel: 'silent',
        citizenOidc: {
          // Port 9 (discard): nothing answers there.
          issuer: 'http://127.0.0.1:9',
          clientId: CLIENT_ID,
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/portal/oidc/callback',
          organisationId: org.organisationId,
          idClaim: 'sub',
          scope: 'openid',
        },
      },
    });
    try {
      const start = await new ApiClient(server.url).get('/api/portal/oidc/start');
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toBe('/portaal/inloggen?error=citizen_failed');
    } finally {
      await server.close();
    }
  });
});
