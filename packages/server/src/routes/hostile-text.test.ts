import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org, relate, seedFamily } from '../testing/world.ts';

/** Long enough for the 20-character minimum of a break-the-glass reason. */
const PAD = ' — huisarts belt, eigen verpleegkundige afwezig';

/** Text that must be refused, with the field named. */
const REFUSED = {
  'lone high surrogate': `spoed \ud800${PAD}`,
  'lone low surrogate': `spoed \udc00${PAD}`,
  'reversed pair': `spoed \udc00\ud800${PAD}`,
  NUL: `spoed \u0000${PAD}`,
  'longer than allowed': `${'x'.repeat(2001)}`,
} as const;

/** Text that is accepted, stored NFC-normalised and must keep the chain intact. */
const ACCEPTED = {
  'right-to-left override': `spoed \u202Egnikeoz\u202C${PAD}`,
  'combining sequence (NFD)': `Cafe\u0301 Zoe\u0308 spoed${PAD}`,
  'emoji with joiners': `👩‍👩‍👧 spoed 🚑🏳️‍🌈${PAD}`,
  'zero-width and BOM': `sp\u200Boed\uFEFF${PAD}`,
  'as long as allowed': `${'é'.repeat(1950)}${PAD}`.slice(0, 2000),
  'astral and CJK': `𝔰𝔭𝔬𝔢𝔡 紧急 ${PAD}`,
} as const;

/** A lone surrogate in a query string, as a browser would send its (CESU-style) bytes. */
const QUERY_ILL_FORMED = '%ED%A0%80abc';

forEachDatabase('hostile text at the edges', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let manager: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
    manager = await actor(server, current().db, org, 'application_manager');
    // Someone who may approve the clinical account the manager requests below.
    await actor(server, current().db, org, 'team_lead');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function strangerFamily() {
    const f = await seedFamily(current().db, org.organisationId, manager.id);
    await relate(current().db, f.familyId, { teamId: org.otherTeamId }, manager.id);
    return f;
  }

  async function ownFamily() {
    const f = await seedFamily(current().db, org.organisationId, manager.id);
    await relate(current().db, f.familyId, { userId: nurse.id }, manager.id);
    return f;
  }

  describe('break-the-glass reason', () => {
    for (const [name, reason] of Object.entries(REFUSED))
      it(`refuses ${name} with 400 naming the field`, async () => {
        const f = await strangerFamily();
        const res = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason });
        expect(res.status).toBe(400);
        expect(res.json).toMatchObject({ error: 'invalid_input', field: 'reason' });
      });

    for (const [name, reason] of Object.entries(ACCEPTED))
      it(`stores ${name} as NFC, and audits exactly that`, async () => {
        const f = await strangerFamily();
        const res = await nurse.client.post(`/api/families/${f.familyId}/emergency-access`, { reason });
        expect(res.status, res.text).toBe(201);
        const stored = await current()
          .db.selectFrom('emergency_access')
          .select('reason')
          .where('family_id', '=', f.familyId)
          .executeTakeFirstOrThrow();
        expect(stored.reason).toBe(reason.normalize('NFC').trim());
        expect((await lastAudit(current().db, nurse.id))?.basis_detail).toBe(stored.reason);
      });
  });

  it('refuses a lone surrogate in any string, even where no text helper applies (password, record key)', async () => {
    const login = await nurse.client.post('/api/session/password', {
      currentPassword: 'x\ud800',
      newPassword: 'y',
    });
    expect(login.status).toBe(400);
    expect(login.json).toMatchObject({ error: 'invalid_input', field: 'currentPassword' });
  });

  it('search and worklist terms: hostile terms are refused or audited as stored', async () => {
    for (const path of ['/api/families', '/api/worklist']) {
      for (const q of ['%00', 'a'.repeat(101)]) {
        const res = await nurse.client.get(`${path}?q=${q}`);
        expect(res.status, `${path} ${q}`).toBe(400);
        expect(res.json).toMatchObject({ field: 'q' });
      }
      for (const q of [
        QUERY_ILL_FORMED,
        encodeURIComponent('\u202Eevil'),
        encodeURIComponent('Zoe\u0308'),
        encodeURIComponent('👩‍👩‍👧'),
      ]) {
        const res = await nurse.client.get(`${path}?q=${q}`);
        expect([200, 400], `${path} ${q}`).toContain(res.status);
        if (res.status === 200) {
          const details = JSON.parse((await lastAudit(current().db, nurse.id))?.details_json ?? '{}');
          const query = String(details.query ?? '');
          expect(query).toBe(query.normalize('NFC'));
          expect(query.includes('\ud800')).toBe(false);
        }
      }
    }
    const nfd = await nurse.client.get(`/api/families?q=${encodeURIComponent('Zoe\u0308')}`);
    expect(nfd.status).toBe(200);
    const details = JSON.parse((await lastAudit(current().db, nurse.id))?.details_json ?? '{}');
    expect(details.query).toBe('Zoë');
  });

  it('consent recipient, admin display name: hostile text refused with the field, or stored NFC', async () => {
    const f = await ownFamily();
    for (const [, recipient] of Object.entries(REFUSED)) {
      const res = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
        givenBy: f.caregiverId,
        purpose: 'verwijzing',
        recipient: { kind: 'gp', name: recipient.slice(0, 301) },
        scope: ['child_age'],
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', field: 'recipient.name' });
    }
    for (const [, recipient] of Object.entries(ACCEPTED)) {
      const res = await nurse.client.post(`/api/families/${f.familyId}/consents`, {
        givenBy: f.caregiverId,
        purpose: 'verwijzing',
        recipient: { kind: 'gp', name: recipient.slice(0, 300) },
        scope: ['child_age'],
      });
      expect(res.status, res.text).toBe(201);
      expect(res.json?.recipient).toBe(recipient.slice(0, 300).normalize('NFC'));
    }
    for (const displayName of ['Jan\ud800', 'Jan\u0000']) {
      const res = await manager.client.post('/api/admin/users', {
        email: `hostile.${Math.random().toString(36).slice(2)}@ggd.example`,
        displayName,
        role: 'nurse',
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ field: 'displayName' });
    }
    // A non-clinical account is created at once; a clinical one becomes a request that carries the name.
    const created = await manager.client.post('/api/admin/users', {
      email: `hostile.${Math.random().toString(36).slice(2)}@ggd.example`,
      displayName: 'Zoe\u0308 \u202Ex',
      role: 'analyst',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json?.outcome).toBe('created');
    expect((created.json?.user as { displayName?: string } | undefined)?.displayName).toBe('Zoë \u202Ex');
    const requested = await manager.client.post('/api/admin/users', {
      email: `hostile.${Math.random().toString(36).slice(2)}@ggd.example`,
      displayName: 'Zoe\u0308 \u202Ey',
      role: 'nurse',
      teamId: org.teamId,
    });
    expect(requested.status, requested.text).toBe(201);
    expect(requested.json?.outcome).toBe('pending_approval');
    const request = requested.json?.request as { details?: { displayName?: string } } | undefined;
    expect(request?.details?.displayName).toBe('Zoë \u202Ey');
  });

  it('leaves an intact audit chain after all of it', async () => {
    const result = await verifyAuditChain(current().db);
    expect(result.firstBroken).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });

  it('cannot store a lone surrogate in a data table by any route below HTTP either', async () => {
    await expect(
      current()
        .db.updateTable('families')
        .set({ name: 'x\ud800' })
        .where('id', '=', org.organisationId)
        .execute(),
    ).rejects.toThrow(/lone UTF-16 surrogate/);
  });
});
