import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import {
  type Actor,
  actor,
  createOrg,
  lastAudit,
  type Org,
  relate,
  seedFamily,
} from '../../testing/world.ts';

/** A made-up questionnaire in the LSVG's place: the real item texts and cut-offs are not ours to ship. */
const definition = {
  id: 'lsvg',
  name: 'LSVG (testdefinitie)',
  version: 'test-1',
  ages: { minMonths: 12, belowMonths: 72 },
  licence: { nl: 'Alleen voor tests', en: 'Tests only' },
  answerOptions: [
    { value: 0, label: { nl: 'nee', en: 'no' } },
    { value: 1, label: { nl: 'soms', en: 'sometimes' } },
    { value: 2, label: { nl: 'ja', en: 'yes' } },
  ],
  items: [{ id: 'i1' }, { id: 'i2' }, { id: 'i3', criticalFrom: 2 }],
  scales: [
    {
      id: 'total',
      label: { nl: 'Totaal', en: 'Total' },
      items: ['i1', 'i2', 'i3'],
      cutoffs: [
        {
          from: 4,
          band: 'attention',
          label: { nl: 'Aanwijzing om te bespreken', en: 'Indication to discuss' },
        },
      ],
    },
  ],
};

forEachDatabase('instrument responses', (current) => {
  let server: TestServer;
  let org: Org;
  let nurse: Actor;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-instruments-'));
    writeFileSync(join(dir, 'lsvg.json'), JSON.stringify(definition));
    process.env.NESTWERK_INSTRUMENT_DEFINITIONS = dir;
    try {
      server = await startTestServer({ db: current().db, dialect: current().dialect });
    } finally {
      delete process.env.NESTWERK_INSTRUMENT_DEFINITIONS;
    }
    org = await createOrg(current().db);
    nurse = await actor(server, current().db, org, 'nurse');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the instruments and which can be scored here', async () => {
    const res = await nurse.client.get('/api/instruments');
    expect(res.json?.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'lsvg', scorable: true, definitionVersion: 'test-1' }),
        expect.objectContaining({ id: 'ari_cp_2_5', scorable: false }),
      ]),
    );
  });

  it('scores a response with the loaded definition and stores it in the file', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id, { birthDate: '2024-05-01' });
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const res = await nurse.client.post(`/api/families/${f.familyId}/instrument-responses`, {
      childId: f.childId,
      instrumentId: 'lsvg',
      answers: { i1: 1, i2: 1, i3: 2 },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      instrumentId: 'lsvg',
      definitionVersion: 'test-1',
      score: { scales: [{ id: 'total', score: 4, band: 'attention' }], criticalItems: ['i3'] },
    });
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({ action: 'instrument_response.create' });
    const file = await nurse.client.get(`/api/families/${f.familyId}`);
    expect(file.json?.instrumentResults).toEqual([expect.objectContaining({ id: res.json?.id })]);

    const badAnswer = await nurse.client.post(`/api/families/${f.familyId}/instrument-responses`, {
      childId: f.childId,
      instrumentId: 'lsvg',
      answers: { i1: 7 },
    });
    expect(badAnswer.json).toMatchObject({ error: 'invalid_input', field: 'answers.i1' });
    const notLoaded = await nurse.client.post(`/api/families/${f.familyId}/instrument-responses`, {
      childId: f.childId,
      instrumentId: 'aisi_6_12',
      answers: {},
    });
    expect(notLoaded).toMatchObject({ status: 422, json: { field: 'instrumentId' } });
  });

  it('refuses an instrument outside its age range', async () => {
    const f = await seedFamily(current().db, org.organisationId, nurse.id, { birthDate: '2025-12-01' });
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    const res = await nurse.client.post(`/api/families/${f.familyId}/instrument-responses`, {
      childId: f.childId,
      instrumentId: 'lsvg',
      answers: { i1: 0 },
    });
    expect(res).toMatchObject({ status: 422, json: { error: 'unprocessable', field: 'instrumentId' } });
  });
});
