import { expect, it } from 'vitest';
import { ApiClient } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { ok } from '../testing/network-world.ts';
import { logInWithPasskey, passkeyParent } from '../testing/passkey-world.ts';
import { invitedParent, PARENT_PASSWORD, portalWorld } from '../testing/portal-world.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';

type Creation = { challenge: string; user: { id: string } };

forEachDatabase('parent portal passkeys', (current) => {
  const world = portalWorld(current);
  const family = () => world.family();

  async function openSafetyRoute(familyId: string): Promise<string> {
    const id = crypto.randomUUID();
    await current()
      .db.insertInto('safety_routes')
      .values({
        id,
        family_id: familyId,
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
    return id;
  }

  it('activates with a passkey instead of password and app code, and logs in with it', async () => {
    const f = await family();
    const code = String(
      (
        await world.nurse.client.post(
          `/api/families/${f.familyId}/persons/${f.caregiverId}/portal-invitation`,
          {
            parentalAuthority: true,
          },
        )
      ).json?.code,
    );
    const client = new ApiClient(world.server.url);
    const redeemed = await client.post('/api/portal/invitations/redeem-passkey', {
      code,
      email: 'passkey.eerst@thuis.example',
    });
    expect(redeemed.status).toBe(200);
    const host = new URL(world.server.url).hostname;
    expect(redeemed.json).toMatchObject({
      stage: 'passkey',
      options: {
        rp: { id: host },
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        attestation: 'none',
      },
    });
    // Pending until the passkey is made.
    expect((await client.get('/api/portal/me')).status).toBe(401);
    const authenticator = new SoftAuthenticator(world.server.url);
    const finished = await client.post('/api/portal/session/passkey-registration', {
      attemptId: redeemed.json?.attemptId,
      credential: authenticator.register(redeemed.json?.options as Creation),
    });
    expect(finished.status).toBe(200);
    expect(finished.json?.parent).toMatchObject({ email: 'passkey.eerst@thuis.example' });
    ok(await client.get('/api/portal/me'));
    const list = ok(await client.get('/api/portal/passkeys'));
    expect(list).toMatchObject({
      passwordSet: false,
      items: [{ transports: ['internal'], lastUsedAt: null }],
    });
    expect((await client.delete('/api/portal/session')).status).toBe(204);

    const login = await logInWithPasskey(world.server, authenticator);
    expect(login.response.status).toBe(200);
    expect(login.response.json?.parent).toMatchObject({ personId: f.caregiverId });
    ok(await login.client.get('/api/portal/me'));
    const stored = await current()
      .db.selectFrom('parent_passkeys')
      .selectAll()
      .where('credential_id', '=', authenticator.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.counter)).toBe(1);
    expect(stored.last_used_at).toBe(world.server.clock.now().toISOString());

    // No password was chosen: no password opens this account.
    const byPassword = await new ApiClient(world.server.url).post('/api/portal/session', {
      email: 'passkey.eerst@thuis.example',
      password: PARENT_PASSWORD,
    });
    expect(byPassword.status).toBe(401);

    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'outcome', 'details_json'])
      .where('user_id', '=', stored.parent_account_id)
      .where('action', 'in', ['portal.passkey.add', 'portal.login', 'portal.invitation.redeem'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['portal.invitation.redeem', 'success'],
      ['portal.passkey.add', 'success'],
      ['portal.login', 'success'],
      ['portal.login', 'success'],
    ]);
    expect(JSON.parse(String(audit.at(-1)?.details_json))).toMatchObject({ method: 'passkey' });
  });

  it('refuses an answer made for another origin or site, or without user verification', async () => {
    const f = await family();
    const invitation = await world.nurse.client.post(
      `/api/families/${f.familyId}/persons/${f.caregiverId}/portal-invitation`,
      { parentalAuthority: true },
    );
    const client = new ApiClient(world.server.url);
    const redeemed = await client.post('/api/portal/invitations/redeem-passkey', {
      code: invitation.json?.code,
      email: 'phishing@thuis.example',
    });
    const evil = new SoftAuthenticator('https://nestwerk-login.example');
    const wrongOrigin = await client.post('/api/portal/session/passkey-registration', {
      attemptId: redeemed.json?.attemptId,
      credential: evil.register(redeemed.json?.options as Creation),
    });
    expect(wrongOrigin.status).toBe(422);
    expect(wrongOrigin.json?.issues).toEqual([{ path: 'credential', code: 'passkey_invalid' }]);
    // The challenge went with the failed answer; a new one, then a passkey without user verification.
    const again = ok(await client.post('/api/portal/session/passkey-registration/options'));
    const lazy = new SoftAuthenticator(world.server.url);
    const noUv = await client.post('/api/portal/session/passkey-registration', {
      attemptId: again.attemptId,
      credential: lazy.register(again.options as Creation, { userVerified: false }),
    });
    expect(noUv.status).toBe(422);

    const g = await family();
    const parent = await passkeyParent(world.server, world.nurse, g.familyId, g.caregiverId);
    const otherOrigin = await logInWithPasskey(world.server, parent.authenticator, {
      origin: 'https://nestwerk-login.example',
    });
    expect(otherOrigin.response.status).toBe(401);
    expect(otherOrigin.response.json?.issues).toEqual([{ path: 'credential', code: 'passkey_invalid' }]);
    const otherSite = await logInWithPasskey(world.server, parent.authenticator, {
      rpId: 'nestwerk-login.example',
    });
    expect(otherSite.response.status).toBe(401);
    const unverified = await logInWithPasskey(world.server, parent.authenticator, { userVerified: false });
    expect(unverified.response.status).toBe(401);
    const failures = await current()
      .db.selectFrom('audit_log')
      .select('details_json')
      .where('user_id', '=', parent.parentId)
      .where('action', '=', 'portal.login.failed')
      .execute();
    expect(failures).toHaveLength(3);
  });

  it('a challenge is used once, and not after 5 minutes', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const first = await logInWithPasskey(world.server, parent.authenticator);
    expect(first.response.status).toBe(200);
    const replayed = await new ApiClient(world.server.url).post('/api/portal/session/passkey', {
      attemptId: first.attemptId,
      credential: first.credential,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.json?.issues).toEqual([{ path: 'credential', code: 'challenge_invalid' }]);

    const client = new ApiClient(world.server.url);
    const options = ok(await client.post('/api/portal/session/passkey/options'));
    world.server.clock.advanceMinutes(6);
    const late = await client.post('/api/portal/session/passkey', {
      attemptId: options.attemptId,
      credential: parent.authenticator.authenticate(options.options as { challenge: string }),
    });
    expect(late.status).toBe(401);
    expect(late.json).toMatchObject({ reason: 'expired' });
  });

  it('refuses a signature counter that went back (a cloned passkey) and a passkey it does not know', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId);
    expect((await logInWithPasskey(world.server, parent.authenticator, { counter: 5 })).response.status).toBe(
      200,
    );
    const cloned = await logInWithPasskey(world.server, parent.authenticator, { counter: 3 });
    expect(cloned.response.status).toBe(401);
    expect(cloned.response.json?.issues).toEqual([{ path: 'credential', code: 'passkey_invalid' }]);

    const stranger = new SoftAuthenticator(world.server.url);
    const unknown = await logInWithPasskey(world.server, stranger);
    expect(unknown.response.status).toBe(401);
    expect(unknown.response.json?.issues).toEqual([{ path: 'credential', code: 'passkey_unknown' }]);
  });

  it('a suspended parent or one named in an open safety route cannot log in with a passkey', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const routeId = await openSafetyRoute(f.familyId);
    expect(
      (
        await world.nurse.client.request('POST', `/api/safety-routes/${routeId}/flagged-persons`, {
          body: { personId: f.caregiverId },
        })
      ).status,
    ).toBe(204);
    expect((await parent.client.get('/api/portal/me')).status).toBe(401);
    const flagged = await logInWithPasskey(world.server, parent.authenticator);
    expect(flagged.response.status).toBe(403);
    expect(flagged.response.json?.reason).toBe('safety_route');
    expect(flagged.response.headers.getSetCookie()).toEqual([]);

    const g = await family();
    const other = await passkeyParent(world.server, world.nurse, g.familyId, g.caregiverId);
    ok(
      await world.nurse.client.post(
        `/api/families/${g.familyId}/persons/${g.caregiverId}/portal-access/suspend`,
        {
          reason: 'Zorgen over de veiligheid',
        },
      ),
    );
    const suspended = await logInWithPasskey(world.server, other.authenticator);
    expect(suspended.response.status).toBe(403);
    expect(suspended.response.json?.reason).toBe('suspended');
    const denied = await current()
      .db.selectFrom('audit_log')
      .select('outcome')
      .where('user_id', 'in', [parent.parentId, other.parentId])
      .where('action', '=', 'portal.login.failed')
      .execute();
    expect(denied.map((d) => d.outcome)).toEqual(['denied', 'denied']);
  });

  it('a parent with a password adds a passkey later, and removes one only just after logging in', async () => {
    const f = await family();
    const p = await invitedParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const options = ok(await p.client.post('/api/portal/passkeys/options'));
    const authenticator = new SoftAuthenticator(world.server.url);
    const added = await p.client.post('/api/portal/passkeys', {
      attemptId: options.attemptId,
      credential: authenticator.register(options.options as Creation),
    });
    expect(added.status).toBe(201);
    const id = String(added.json?.id);
    // The same passkey twice: the browser is told to skip it, and the world.server refuses it too.
    const twice = ok(await p.client.post('/api/portal/passkeys/options'));
    expect((twice.options as { excludeCredentials: unknown }).excludeCredentials).toEqual([
      { id: authenticator.id, type: 'public-key', transports: ['internal'] },
    ]);
    expect(
      (
        await p.client.post('/api/portal/passkeys', {
          attemptId: twice.attemptId,
          credential: authenticator.register(twice.options as Creation),
        })
      ).status,
    ).toBe(409);
    // Another parent's challenge is no good in this session.
    const foreign = ok(await new ApiClient(world.server.url).post('/api/portal/session/passkey/options'));
    const mixed = await p.client.post('/api/portal/passkeys', {
      attemptId: foreign.attemptId,
      credential: new SoftAuthenticator(world.server.url).register({
        challenge: String((foreign.options as { challenge: string }).challenge),
        user: { id: 'eA' },
      }),
    });
    expect(mixed.status).toBe(422);
    expect(mixed.json?.issues).toEqual([{ path: 'attemptId', code: 'challenge_invalid' }]);

    const viaPasskey = await logInWithPasskey(world.server, authenticator);
    expect(viaPasskey.response.status).toBe(200);
    expect(ok(await p.client.get('/api/portal/passkeys'))).toMatchObject({
      passwordSet: true,
      items: [{ id, lastUsedAt: world.server.clock.now().toISOString() }],
    });

    world.server.clock.advanceMinutes(11);
    const stale = await viaPasskey.client.delete(`/api/portal/passkeys/${id}`);
    expect(stale.status).toBe(403);
    expect(stale.json?.reason).toBe('login_not_fresh');
    const fresh = await logInWithPasskey(world.server, authenticator);
    expect((await fresh.client.delete(`/api/portal/passkeys/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await fresh.client.delete(`/api/portal/passkeys/${id}`)).status).toBe(204);
    expect(ok(await fresh.client.get('/api/portal/passkeys')).items).toEqual([]);
    expect((await logInWithPasskey(world.server, authenticator)).response.status).toBe(401);

    // Without a password, the only passkey stays.
    const g = await family();
    const only = await passkeyParent(world.server, world.nurse, g.familyId, g.caregiverId);
    const [own] = ok(await only.client.get('/api/portal/passkeys')).items as Array<{ id: string }>;
    const last = await only.client.delete(`/api/portal/passkeys/${own?.id}`);
    expect(last.status).toBe(409);
    expect(last.json?.reason).toBe('last_passkey');
    const removals = await current()
      .db.selectFrom('audit_log')
      .select('outcome')
      .where('user_id', '=', p.parentId)
      .where('action', '=', 'portal.passkey.remove')
      .orderBy('seq')
      .execute();
    expect(removals.map((r) => r.outcome)).toEqual(['denied', 'success']);
  });
});
