import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org } from '../../testing/world.ts';

const BSN_CHILD = '111222333';
const BSN_MOTHER = '123456782';

forEachDatabase('national identifiers', (current) => {
  let server: TestServer;
  let nl: Org;
  let be: Org;
  let nurse: Actor;
  let flemishNurse: Actor;

  beforeAll(async () => {
    server = await startTestServer({ db: current().db, dialect: current().dialect });
    nl = await createOrg(current().db, { region: 'nl' });
    be = await createOrg(current().db, { region: 'be' });
    nurse = await actor(server, current().db, nl, 'nurse');
    flemishNurse = await actor(server, current().db, be, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
  });

  const family = (childId: string | undefined, motherId?: string) => ({
    name: 'Bakker',
    children: [
      {
        givenName: 'Sem',
        familyName: 'Bakker',
        birthDate: '2025-10-01',
        ...(childId ? { nationalId: childId } : {}),
      },
    ],
    caregivers: [
      {
        givenName: 'Iris',
        familyName: 'Bakker',
        role: 'mother',
        ...(motherId ? { nationalId: motherId } : {}),
      },
    ],
  });

  it('stores a BSN sealed with a search key, and the file shows only its last digits', async () => {
    const res = await nurse.client.post('/api/families', family('1112.22.333', BSN_MOTHER));
    expect(res.status).toBe(201);
    const file = res.json as {
      id: string;
      children: { id: string; nationalId: unknown }[];
      caregivers: { nationalId: unknown }[];
    };
    expect(file.children[0]?.nationalId).toEqual({ system: 'bsn', lastDigits: '2333' });
    expect(file.caregivers[0]?.nationalId).toEqual({ system: 'bsn', lastDigits: '6782' });
    expect(JSON.stringify(file)).not.toContain(BSN_CHILD);

    const row = await current()
      .db.selectFrom('persons')
      .selectAll()
      .where('id', '=', file.children[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row.national_id_sealed).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain(BSN_CHILD);

    const shown = await nurse.client.get(`/api/persons/${file.children[0]!.id}/national-id`);
    expect(shown.json).toEqual({ system: 'bsn', value: BSN_CHILD });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'person.national_id.read',
      outcome: 'success',
      family_id: file.id,
    });
  });

  it('refuses a BSN that fails the 11-check, naming the field with invalid_bsn, and writes nothing', async () => {
    const before = await current().db.selectFrom('families').select('id').execute();
    const res = await nurse.client.post('/api/families', family(BSN_CHILD, '123456789'));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ issues: [{ path: 'caregivers.0.nationalId', code: 'invalid_bsn' }] });
    expect(await current().db.selectFrom('families').select('id').execute()).toHaveLength(before.length);
  });

  it('takes an INSZ in a Flemish organisation, and calls a wrong one invalid_insz', async () => {
    const ok = await flemishNurse.client.post('/api/families', family('01.01.01-001.26'));
    expect(ok.status).toBe(201);
    expect((ok.json as { children: { nationalId: unknown }[] }).children[0]?.nationalId).toEqual({
      system: 'insz',
      lastDigits: '0126',
    });
    const bad = await flemishNurse.client.post('/api/families', family('01010100127'));
    expect(bad.json).toMatchObject({ issues: [{ path: 'children.0.nationalId', code: 'invalid_insz' }] });
    // A BSN is not a Flemish number: the region decides which check applies.
    const dutch = await flemishNurse.client.post('/api/families', family(BSN_CHILD));
    expect(dutch.status).toBe(400);
    const wrongLength = await nurse.client.post('/api/families', family('12345'));
    expect(wrongLength.json).toMatchObject({
      issues: [{ path: 'children.0.nationalId', code: 'invalid_national_id' }],
    });
  });

  it('adds, corrects and clears a number on a person', async () => {
    const created = await nurse.client.post('/api/families', family(undefined));
    const file = created.json as { id: string; caregivers: { id: string; version: number }[] };
    const mother = file.caregivers[0]!;
    const patched = await nurse.client.request('PATCH', `/api/persons/${mother.id}`, {
      body: {
        version: mother.version,
        nationalId: '111 222 333',
      },
    });
    expect(patched.json).toMatchObject({ nationalId: { system: 'bsn', lastDigits: '2333' } });
    const bad = await nurse.client.request('PATCH', `/api/persons/${mother.id}`, {
      body: {
        version: mother.version + 1,
        nationalId: '111222334',
      },
    });
    expect(bad.json).toMatchObject({ issues: [{ path: 'nationalId', code: 'invalid_bsn' }] });
    const cleared = await nurse.client.request('PATCH', `/api/persons/${mother.id}`, {
      body: {
        version: mother.version + 1,
        nationalId: null,
      },
    });
    expect(cleared.json).toMatchObject({ nationalId: null });
    expect((await nurse.client.get(`/api/persons/${mother.id}/national-id`)).status).toBe(404);
    const added = await nurse.client.post(`/api/families/${file.id}/persons`, {
      kind: 'child',
      givenName: 'Lot',
      familyName: 'Bakker',
      birthDate: '2026-01-02',
      nationalId: '123456782',
    });
    expect(added.json).toMatchObject({ nationalId: { system: 'bsn', lastDigits: '6782' } });
  });

  it('finds a family by the exact number only, and keeps the number out of the audit log', async () => {
    const res = await nurse.client.post('/api/families', family('999998456'));
    const familyId = (res.json as { id: string }).id;
    const hit = await nurse.client.get('/api/worklist?q=9999.98.456');
    expect((hit.json as { items: { familyId: string }[] }).items.map((i) => i.familyId)).toEqual([familyId]);
    const searched = await nurse.client.get('/api/families?q=999998456');
    expect((searched.json as { items: { familyId: string }[] }).items.map((i) => i.familyId)).toEqual([
      familyId,
    ]);
    const audit = await lastAudit(current().db, nurse.id);
    expect(audit?.details_json).toContain('•••••8456');
    expect(audit?.details_json).not.toContain('999998456');
    // Part of a number finds nothing: search is by the whole number only.
    const part = await nurse.client.get('/api/families?q=99999845');
    expect((part.json as { items: unknown[] }).items).toEqual([]);
    // Someone from another organisation does not find it.
    const stranger = await flemishNurse.client.get('/api/families?q=999998456');
    expect((stranger.json as { items: unknown[] }).items).toEqual([]);
  });
});
