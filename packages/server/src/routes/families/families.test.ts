import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org } from '../../testing/world.ts';

const newFamily = {
  name: 'De Vries',
  postcode: '3511 AB',
  municipality: 'Utrecht',
  children: [{ givenName: 'Mila', familyName: 'de Vries', birthDate: '2025-09-01', firstChild: true }],
  caregivers: [
    { givenName: 'Eva', familyName: 'de Vries', role: 'mother', birthYear: 1995, lowEducation: false },
  ],
};

forEachDatabase('families API', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('create, read, update', () => {
    it('registers a family with a child and a caregiver and gives the creator and their team a care relationship', async () => {
      const res = await nurse.client.post('/api/families', newFamily);
      expect(res.status).toBe(201);
      const family = res.json as Record<string, unknown>;
      expect(family).toMatchObject({
        name: 'De Vries',
        postcode: '3511 AB',
        version: 1,
        children: [
          { kind: 'child', givenName: 'Mila', birthDate: '2025-09-01', dueDate: null, firstChild: true },
        ],
        caregivers: [
          { kind: 'caregiver', givenName: 'Eva', role: 'mother', birthYear: 1995, lowEducation: false },
        ],
        contacts: [],
        assessments: [],
        agreements: [],
        consents: [],
        instrumentResults: [],
        careTeam: [
          { kind: 'professional', memberId: nurse.id, startDate: '2026-03-02', active: true },
          { kind: 'team', startDate: '2026-03-02', active: true },
        ],
        access: { basis: 'care_relationship', emergencyExpiresAt: null },
      });
      const colleague = await actor(server, current().db, org, 'physician');
      expect((await colleague.client.get(`/api/families/${family.id as string}`)).status).toBe(200);
      const otherTeam = await actor(server, current().db, org, 'physician', { team: 'other' });
      expect((await otherTeam.client.get(`/api/families/${family.id as string}`)).status).toBe(404);
      expect(await lastAudit(current().db, nurse.id)).toMatchObject({
        action: 'family.create',
        outcome: 'success',
        basis: 'care_relationship',
        family_id: family.id,
      });

      const read = await nurse.client.get(`/api/families/${family.id}`);
      expect(read.status).toBe(200);
      expect(read.json).toEqual(family);
      const audit = await lastAudit(current().db, nurse.id);
      expect(audit).toMatchObject({ action: 'family.read', outcome: 'success', basis: 'care_relationship' });
      expect(JSON.parse(audit?.person_ids ?? '[]')).toHaveLength(2);
    });

    it('updates with the current version and answers a stale version with 409 and the current family', async () => {
      const created = (await nurse.client.post('/api/families', newFamily)).json as { id: string };
      const path = `/api/families/${created.id}`;
      const first = await nurse.client.request('PATCH', path, {
        body: { version: 1, municipality: 'Zeist' },
      });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ municipality: 'Zeist', version: 2 });

      const stale = await nurse.client.request('PATCH', path, {
        body: { version: 1, municipality: 'Houten' },
      });
      expect(stale.status).toBe(409);
      expect(stale.json).toMatchObject({ error: 'conflict', current: { municipality: 'Zeist', version: 2 } });
      expect(String(stale.json?.message)).toMatch(/changed by someone else/);
      expect(await lastAudit(current().db, nurse.id)).toMatchObject({
        action: 'family.update',
        outcome: 'failure',
      });
      expect((await nurse.client.get(path)).json).toMatchObject({ municipality: 'Zeist', version: 2 });
    });

    it('adds and edits persons, with optimistic locking', async () => {
      const created = (await nurse.client.post('/api/families', newFamily)).json as { id: string };
      const unborn = await nurse.client.post(`/api/families/${created.id}/persons`, {
        kind: 'child',
        givenName: 'Baby',
        familyName: 'de Vries',
        dueDate: '2026-06-01',
      });
      expect(unborn.status).toBe(201);
      expect(unborn.json).toMatchObject({
        kind: 'child',
        dueDate: '2026-06-01',
        birthDate: null,
        version: 1,
      });

      const born = await nurse.client.request('PATCH', `/api/persons/${unborn.json?.id}`, {
        body: { version: 1, birthDate: '2026-02-20', dueDate: null },
      });
      expect(born.status).toBe(200);
      expect(born.json).toMatchObject({ birthDate: '2026-02-20', dueDate: null, version: 2 });

      const stale = await nurse.client.request('PATCH', `/api/persons/${unborn.json?.id}`, {
        body: { version: 1, givenName: 'Jip' },
      });
      expect(stale.status).toBe(409);
      expect(stale.json).toMatchObject({ error: 'conflict', current: { givenName: 'Baby', version: 2 } });

      const wrongField = await nurse.client.request('PATCH', `/api/persons/${unborn.json?.id}`, {
        body: { version: 2, role: 'father' },
      });
      expect(wrongField.status).toBe(400);
      expect(wrongField.json).toMatchObject({ error: 'invalid_input', field: 'role' });

      const father = await nurse.client.post(`/api/families/${created.id}/persons`, {
        kind: 'caregiver',
        givenName: 'Daan',
        familyName: 'de Vries',
        role: 'father',
        phone: '+31 6 12345678',
      });
      expect(father.status).toBe(201);
      expect(father.json).toMatchObject({ kind: 'caregiver', role: 'father', phone: '+31 6 12345678' });
    });
  });

  describe('validation names the field', () => {
    const cases: Array<[string, unknown, string]> = [
      ['missing name', { ...newFamily, name: undefined }, 'name'],
      ['empty name', { ...newFamily, name: '   ' }, 'name'],
      ['no children', { ...newFamily, children: [] }, 'children'],
      [
        'bad birth date',
        { ...newFamily, children: [{ givenName: 'A', familyName: 'B', birthDate: '2025-02-30' }] },
        'children.0.birthDate',
      ],
      [
        'born and unborn',
        {
          ...newFamily,
          children: [{ givenName: 'A', familyName: 'B', birthDate: '2025-01-01', dueDate: '2026-05-01' }],
        },
        'children.0.birthDate',
      ],
      [
        'future birth',
        { ...newFamily, children: [{ givenName: 'A', familyName: 'B', birthDate: '2027-01-01' }] },
        'children.0.birthDate',
      ],
      [
        'unknown role',
        { ...newFamily, caregivers: [{ givenName: 'A', familyName: 'B', role: 'uncle' }] },
        'caregivers.0.role',
      ],
      ['unknown field', { ...newFamily, admin: true }, 'admin'],
      ['bad postcode', { ...newFamily, postcode: 'DROP TABLE' }, 'postcode'],
      ['NUL in name', { ...newFamily, name: 'a\u0000b' }, 'name'],
    ];
    it.each(cases)('%s', async (_label, body, field) => {
      const res = await nurse.client.post('/api/families', body);
      expect(res.status).toBe(400);
      expect(res.json?.error).toBe('invalid_input');
      // An unknown key is reported on its parent object by the validator; the message names the key.
      if (res.json?.field === 'body') expect(String(res.json?.message)).toContain(field);
      else expect(res.json?.field).toBe(field);
    });

    it('rejects a malformed id with 400 and a version that is not a number', async () => {
      expect((await nurse.client.get('/api/families/not-a-uuid')).json).toMatchObject({ field: 'id' });
      const created = (await nurse.client.post('/api/families', newFamily)).json as { id: string };
      const res = await nurse.client.request('PATCH', `/api/families/${created.id}`, {
        body: { version: '1' },
      });
      expect(res.json).toMatchObject({ error: 'invalid_input', field: 'version' });
    });
  });

  describe('search', () => {
    it('finds families by family name, child name and birth date, only among those the user may see', async () => {
      const mine = (await nurse.client.post('/api/families', { ...newFamily, name: 'Zoekfamilie Bakker' }))
        .json as {
        id: string;
      };
      // A nurse of another team: her new family is her team's caseload, not ours.
      const other = await actor(server, current().db, org, 'nurse', { team: 'other' });
      await other.client.post('/api/families', { ...newFamily, name: 'Zoekfamilie Smit' });

      const byName = await nurse.client.get('/api/families?q=zoekfamilie');
      expect(byName.status).toBe(200);
      expect(byName.json).toMatchObject({
        total: 1,
        items: [{ familyId: mine.id, name: 'Zoekfamilie Bakker' }],
      });
      const byChild = await nurse.client.get('/api/families?q=mila%20de%20vries');
      expect(((byChild.json?.items ?? []) as unknown[]).length).toBeGreaterThan(0);
      const byDate = await nurse.client.get('/api/families?q=2025-09-01');
      expect(byDate.json?.total).toBeGreaterThan(0);
      const wildcard = await nurse.client.get('/api/families?q=%25');
      expect(wildcard.json).toMatchObject({ total: 0 });
      expect(await lastAudit(current().db, nurse.id)).toMatchObject({
        action: 'family.search',
        outcome: 'success',
      });
    });
  });
});
