import { knowledge } from '@nestwerk/knowledge';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { auditRows, ok } from '../../testing/network-world.ts';
import { type Actor, actor, createOrg, relate, type SeededFamily, seedFamily } from '../../testing/world.ts';

const route = (region: 'nl' | 'be') => {
  const r = knowledge.safetyRoutes.find((x) => x.region === region);
  if (!r) throw new Error(region);
  return r;
};

forEachDatabase('safety route', (current) => {
  let server: TestServer;
  let nl: Actor;
  let be: Actor;
  let nlFamily: SeededFamily;
  let beFamily: SeededFamily;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const nlOrg = await createOrg(db);
    const beOrg = await createOrg(db, { region: 'be' });
    nl = await actor(server, db, nlOrg, 'nurse');
    be = await actor(server, db, beOrg, 'nurse');
    nlFamily = await seedFamily(db, nlOrg.organisationId, nl.id);
    await relate(db, nlFamily.familyId, { userId: nl.id }, nl.id);
    beFamily = await seedFamily(db, beOrg.organisationId, be.id);
    await relate(db, beFamily.familyId, { userId: be.id }, be.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('NL: opens the Meldcode route with its five steps, shows on the worklist, and records each step in order', async () => {
    const opened = ok(
      await nl.client.post(`/api/families/${nlFamily.familyId}/safety-route`, {
        concerns: ['neglect', 'domestic_violence'],
      }),
      201,
    );
    const who = { id: nl.id, name: nl.email.split('@')[0] };
    expect(opened).toEqual({
      id: expect.any(String),
      region: 'nl',
      route: 'meldcode_veilig_thuis',
      label: route('nl').label,
      status: 'open',
      concerns: ['neglect', 'domestic_violence'],
      currentStep: 1,
      steps: route('nl').steps.map((text, i) => ({
        step: i + 1,
        text,
        done: false,
        recordedAt: null,
        recordedBy: null,
        notes: null,
        answers: null,
      })),
      decision: null,
      openedAt: '2026-03-02T09:00:00.000Z',
      openedBy: who,
      closedAt: null,
      closedBy: null,
      version: 1,
    });
    const again = await nl.client.post(`/api/families/${nlFamily.familyId}/safety-route`, {
      concerns: ['neglect'],
    });
    expect(again.status).toBe(409);

    const list = ok(await nl.client.get('/api/worklist')).items as Array<Record<string, unknown>>;
    expect(list[0]).toMatchObject({
      flags: { safety: true },
      safetyRoute: { id: opened.id, currentStep: 1 },
    });

    const id = String(opened.id);
    const step = (body: Record<string, unknown>) => nl.client.post(`/api/safety-routes/${id}/steps`, body);
    const early = await step({ step: 3, notes: 'Gesprek' });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ field: 'step', currentStep: 1 });
    ok(await step({ step: 1, notes: 'Blauwe plekken op de bovenarm, moeder vertelt over ruzies thuis' }));
    const noWhom = await step({ step: 2, notes: 'Overleg', answers: { consulted: [] } });
    expect(noWhom.json).toMatchObject({ error: 'invalid_input', field: 'answers.consulted' });
    ok(
      await step({
        step: 2,
        notes: 'Overleg met aandachtsfunctionaris',
        answers: { consulted: ['safeguarding_officer', 'veilig_thuis'] },
      }),
    );
    ok(await step({ step: 3, notes: 'Gesprek met moeder over de zorgen' }));
    ok(
      await step({
        step: 4,
        notes: 'Structurele onveiligheid',
        answers: { unsafety: true, canOfferOrOrganiseHelp: true },
      }),
    );
    const listed = ok(await nl.client.get('/api/worklist')).items as Array<Record<string, unknown>>;
    expect(listed[0]).toMatchObject({ safetyRoute: { currentStep: 5 } });

    // The decision follows the weighing: structural unsafety means reporting to Veilig Thuis.
    const helpOnly = await step({
      step: 5,
      notes: 'Hulp',
      answers: { reportToVeiligThuis: false, organiseHelp: true },
    });
    expect(helpOnly.status).toBe(422);
    expect(helpOnly.json).toMatchObject({ error: 'unprocessable', field: 'answers.reportToVeiligThuis' });
    const decided = ok(
      await step({
        step: 5,
        notes: 'Melding gedaan, hulp loopt',
        answers: { reportToVeiligThuis: true, organiseHelp: true },
      }),
    );
    expect(decided).toMatchObject({
      status: 'closed',
      currentStep: null,
      decision: { reportToVeiligThuis: true, organiseHelp: true },
      closedBy: who,
    });
    expect((decided.steps as Array<{ done: boolean; recordedBy: unknown }>).every((s) => s.done)).toBe(true);
    const after = ok(await nl.client.get('/api/worklist')).items as Array<Record<string, unknown>>;
    expect(after[0]).toMatchObject({ flags: { safety: false }, safetyRoute: null });
    const file = ok(await nl.client.get(`/api/families/${nlFamily.familyId}`));
    expect((file.safetyRoute as { id: string }).id).toBe(id);
    const logged = await auditRows(current().db, 'safety_route.step');
    expect(logged.filter((l) => l.outcome === 'success')).toHaveLength(5);
  });

  it('BE: the Vertrouwenscentrum route weighs professional secrecy with the five questions', async () => {
    const opened = ok(
      await be.client.post(`/api/families/${beFamily.familyId}/safety-route`, { concerns: ['maltreatment'] }),
      201,
    );
    expect(opened).toMatchObject({
      region: 'be',
      route: 'vertrouwenscentrum_kindermishandeling',
      label: route('be').label,
      steps: route('be').steps.map((text, i) => expect.objectContaining({ step: i + 1, text })),
    });
    const step = (body: Record<string, unknown>) =>
      be.client.post(`/api/safety-routes/${opened.id}/steps`, body);
    ok(await step({ step: 1, notes: 'Signalen' }));
    const wrongWho = await step({ step: 2, notes: 'Overleg', answers: { consulted: ['veilig_thuis'] } });
    expect(wrongWho.status).toBe(400);
    ok(await step({ step: 2, notes: 'Overleg', answers: { consulted: ['team', 'vertrouwenscentrum'] } }));
    ok(await step({ step: 3, notes: 'Gesprek' }));
    const partial = await step({
      step: 4,
      notes: 'Afweging',
      answers: { purpose: 'Bescherming', breakSecrecy: false },
    });
    expect(partial.json).toMatchObject({ field: 'answers.alternativeWithoutSharing' });
    ok(
      await step({
        step: 4,
        notes: 'Afweging',
        answers: {
          purpose: 'Bescherming van het kind',
          alternativeWithoutSharing: 'Nee',
          consentSought: 'Ja, moeder stemt in met overleg',
          proportionality: 'Ja',
          whatToWhom: 'Alleen het Vertrouwenscentrum',
          breakSecrecy: false,
        },
      }),
    );
    const closed = ok(
      await step({
        step: 5,
        notes: 'Samen met VK',
        answers: { registerWithVertrouwenscentrum: true, organiseHelp: false },
      }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      decision: { registerWithVertrouwenscentrum: true, organiseHelp: false },
    });
    const reopened = ok(
      await be.client.post(`/api/families/${beFamily.familyId}/safety-route`, { concerns: ['neglect'] }),
      201,
    );
    const early = ok(
      await be.client.post(`/api/safety-routes/${reopened.id}/close`, { reason: 'Zorg bleek ongegrond' }),
    );
    expect(early).toMatchObject({
      status: 'closed',
      decision: { closedEarly: true, reason: 'Zorg bleek ongegrond' },
    });
  });
});
