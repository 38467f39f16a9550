import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { ok } from '../testing/network-world.ts';
import { passkeyParent } from '../testing/passkey-world.ts';
import { invitedParent, portalWorld } from '../testing/portal-world.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';

type Creation = { challenge: string; user: { id: string } };
type Listed = { id: string; name: string | null };

/** A parent names her passkeys, so that two made on the same day can be told apart (and the right one removed). */
forEachDatabase('parent portal: passkey names', (current) => {
  const world = portalWorld(current);
  const family = () => world.family();

  it('keeps the name given when a passkey is made, at activation or later, and none when none was given', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId, {
      name: 'iPhone',
    });
    const options = ok(await parent.client.post('/api/portal/passkeys/options'));
    const added = await parent.client.post('/api/portal/passkeys', {
      attemptId: options.attemptId,
      credential: new SoftAuthenticator(world.server.url).register(options.options as Creation),
    });
    expect(added.status, added.text).toBe(201);
    expect(added.json?.name).toBeNull();
    const listed = ok(await parent.client.get('/api/portal/passkeys')).items as Listed[];
    expect(listed.map((p) => p.name)).toEqual(['iPhone', null]);
  });

  it('renames only the parent’s own passkey, with the name trimmed and in NFC, and audits which one', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId);
    const [own] = ok(await parent.client.get('/api/portal/passkeys')).items as Listed[];
    const id = String(own?.id);
    const renamed = await parent.client.request('PATCH', `/api/portal/passkeys/${id}`, {
      body: { name: '  Telefoon van Zoe\u0308  ' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ id, name: 'Telefoon van Zoë' });
    expect(ok(await parent.client.get('/api/portal/passkeys')).items).toMatchObject([
      { id, name: 'Telefoon van Zoë' },
    ]);

    // Another parent cannot rename it: not found, as a passkey that does not exist; the name stays.
    const g = await family();
    const other = await invitedParent(world.server, world.nurse, g.familyId, g.caregiverId);
    const foreign = await other.client.request('PATCH', `/api/portal/passkeys/${id}`, {
      body: { name: 'Van mij' },
    });
    expect(foreign.status).toBe(404);
    const missing = await parent.client.request('PATCH', `/api/portal/passkeys/${crypto.randomUUID()}`, {
      body: { name: 'Tablet' },
    });
    expect(missing.status).toBe(404);
    expect(ok(await parent.client.get('/api/portal/passkeys')).items).toMatchObject([
      { id, name: 'Telefoon van Zoë' },
    ]);

    // A professional session is no parent's.
    expect(
      (await world.nurse.client.request('PATCH', `/api/portal/passkeys/${id}`, { body: { name: 'X' } }))
        .status,
    ).toBe(401);

    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['outcome', 'details_json'])
      .where('user_id', '=', parent.parentId)
      .where('action', '=', 'portal.passkey.rename')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.outcome).toBe('success');
    expect(String(audit[0]?.details_json)).toContain(id);
    // The parent's own words are not copied into the log.
    expect(String(audit[0]?.details_json)).not.toContain('Telefoon');
  });

  it('refuses a name that is empty, too long or not text, naming the field, and changes nothing', async () => {
    const f = await family();
    const parent = await passkeyParent(world.server, world.nurse, f.familyId, f.caregiverId, {
      name: 'Laptop',
    });
    const [own] = ok(await parent.client.get('/api/portal/passkeys')).items as Listed[];
    const path = `/api/portal/passkeys/${String(own?.id)}`;
    for (const name of ['', '   ', 'x'.repeat(61), 'Tele\u0000foon', 'Tele\ud800foon', 42, null]) {
      const res = await parent.client.request('PATCH', path, { body: { name } });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', issues: [{ path: 'name' }] });
    }
    const extra = await parent.client.request('PATCH', path, { body: { name: 'Ok', colour: 'blauw' } });
    expect(extra.status).toBe(400);
    expect(
      (await parent.client.request('PATCH', '/api/portal/passkeys/niet-een-id', { body: { name: 'X' } }))
        .status,
    ).toBe(400);
    // At the limit is fine.
    expect((await parent.client.request('PATCH', path, { body: { name: 'é'.repeat(60) } })).status).toBe(200);
    const bad = await parent.client.post('/api/portal/passkeys/options');
    const tooLong = await parent.client.post('/api/portal/passkeys', {
      attemptId: bad.json?.attemptId,
      credential: new SoftAuthenticator(world.server.url).register(bad.json?.options as Creation),
      name: 'x'.repeat(61),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({ issues: [{ path: 'name' }] });
    expect(ok(await parent.client.get('/api/portal/passkeys')).items).toHaveLength(1);
  });
});
