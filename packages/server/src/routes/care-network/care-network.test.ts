import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { ok, seedPartner } from '../../testing/network-world.ts';
import {
  type Actor,
  actor,
  createOrg,
  lastAudit,
  relate,
  type SeededFamily,
  seedFamily,
} from '../../testing/world.ts';

forEachDatabase('care network around the family (wrapped care)', (current) => {
  let server: TestServer;
  let nurse: Actor;
  let physician: Actor;
  let family: SeededFamily;
  let partnerId: string;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    physician = await actor(server, db, org, 'physician');
    partnerId = await seedPartner(db, org.organisationId, { name: 'Verloskundigen Zuid', kind: 'midwife' });
    family = await seedFamily(db, org.organisationId, nurse.id);
    await relate(db, family.familyId, { userId: nurse.id }, nurse.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const path = () => `/api/families/${family.familyId}/care-network`;

  it('lists everyone involved, inside and outside the organisation, with exactly one coordinator', async () => {
    expect(ok(await nurse.client.get(path()))).toEqual({ members: [], coordinatorId: null });
    const first = ok(
      await nurse.client.post(path(), { userId: nurse.id, role: 'Jeugdverpleegkundige' }),
      201,
    );
    const nurseMember = (first.members as Array<Record<string, unknown>>)[0];
    expect(first).toEqual({
      coordinatorId: nurseMember?.id,
      members: [
        {
          id: expect.any(String),
          name: nurse.email.split('@')[0],
          role: 'Jeugdverpleegkundige',
          organisation: null,
          partnerId: null,
          userId: nurse.id,
          phone: null,
          email: null,
          coordinator: true,
          note: null,
          createdAt: '2026-03-02T09:00:00.000Z',
          updatedAt: '2026-03-02T09:00:00.000Z',
          version: 1,
        },
      ],
    });
    const midwife = ok(
      await nurse.client.post(path(), { partnerId, role: 'Verloskundige', phone: '030 222 3344' }),
      201,
    );
    expect((midwife.members as Array<Record<string, unknown>>).map((m) => [m.name, m.coordinator])).toEqual([
      [nurse.email.split('@')[0], true],
      ['Verloskundigen Zuid', false],
    ]);
    const gp = ok(
      await nurse.client.post(path(), {
        name: 'Dr. Bakker',
        role: 'Huisarts',
        organisation: 'Praktijk Bakker',
        coordinator: true,
      }),
      201,
    );
    const members = gp.members as Array<{ id: string; name: string; coordinator: boolean; version: number }>;
    expect(members.filter((m) => m.coordinator).map((m) => m.name)).toEqual(['Dr. Bakker']);
    expect(gp.coordinatorId).toBe(members.find((m) => m.name === 'Dr. Bakker')?.id);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'care_network.add',
      family_id: family.familyId,
    });

    // The coordinator cannot simply leave: someone else takes over first.
    const bakker = members.find((m) => m.name === 'Dr. Bakker');
    const leave = await nurse.client.delete(`${path()}/${bakker?.id}`);
    expect(leave.status).toBe(409);
    expect(leave.json).toMatchObject({ error: 'conflict', field: 'coordinator' });
    const mine = members.find((m) => m.name !== 'Dr. Bakker' && m.name !== 'Verloskundigen Zuid');
    const handed = ok(
      await nurse.client.request('PATCH', `${path()}/${mine?.id}`, {
        body: { version: mine?.version, coordinator: true },
      }),
    );
    expect(handed.coordinatorId).toBe(mine?.id);
    const removed = ok(await nurse.client.delete(`${path()}/${bakker?.id}`));
    expect((removed.members as Array<{ name: string }>).map((m) => m.name)).toEqual([
      nurse.email.split('@')[0],
      'Verloskundigen Zuid',
    ]);
  });

  it('is part of the family file', async () => {
    const file = ok(await nurse.client.get(`/api/families/${family.familyId}`));
    expect(file.careNetwork).toEqual(ok(await nurse.client.get(path())));
    expect(file).toMatchObject({ referrals: [], safetyRoute: null });
  });

  it('validates who is added', async () => {
    expect((await nurse.client.post(path(), { role: 'Buurvrouw' })).json).toMatchObject({ field: 'name' });
    expect(
      (
        await nurse.client.post(path(), {
          name: 'X',
          role: 'Y',
          partnerId: '0190b3c4-dead-7000-8000-00000000beef',
        })
      ).json,
    ).toMatchObject({ field: 'partnerId' });
    expect(
      (await nurse.client.post(path(), { name: 'X', role: 'Y', email: 'geen-adres' })).json,
    ).toMatchObject({
      field: 'email',
    });
    // A colleague without a relationship to this family sees nothing of it.
    expect((await physician.client.get(path())).status).toBe(404);
  });
});
