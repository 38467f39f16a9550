import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface Saved {
  contact: {
    id: string;
    version: number;
    agreedBand: string | null;
    agreedBandNotDiscussed: boolean;
    agreement: { id: string } | null;
  };
}
interface Agreement {
  id: string;
  status: string;
  followUpDue: string | null;
  overdue: boolean;
  supersededBy: string | null;
  version: number;
}

forEachDatabase('finishing a contact', (current) => {
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

  async function family() {
    const f = await seedFamily(current().db, org.organisationId, nurse.id, { birthDate: '2025-06-15' });
    await relate(current().db, f.familyId, { userId: nurse.id }, nurse.id);
    return f;
  }

  const body = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    type: 'consult',
    date: '2026-02-20',
    status: 'final',
    agreedBand: 'safe',
    agreement: { text: 'Terugkomen op slapen', nextTopicPermission: false, extraContact: false },
    ...extra,
  });

  describe('refuses a finished contact without its key fields, naming the field', () => {
    it('without the agreed estimate', async () => {
      const f = await family();
      const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
        ...body(f.childId),
        agreedBand: undefined,
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', field: 'agreedBand' });
    });

    it('with an extra contact but no date', async () => {
      const f = await family();
      const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
        ...body(f.childId),
        agreement: { text: 'Extra contact', nextTopicPermission: false, extraContact: true },
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_input', field: 'agreement.followUpDue' });
    });

    it('with both an estimate and "not discussed"', async () => {
      const f = await family();
      const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
        ...body(f.childId),
        agreedBandNotDiscussed: true,
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ field: 'agreedBandNotDiscussed' });
    });

    it('when a draft without them is finished by an update', async () => {
      const f = await family();
      const draft = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
        ...body(f.childId),
        status: 'draft',
        agreedBand: undefined,
      });
      expect(draft.status).toBe(201);
      const { contact } = draft.json as unknown as Saved;
      const res = await nurse.client.request('PUT', `/api/contacts/${contact.id}`, {
        body: { ...body(f.childId), agreedBand: undefined, version: contact.version },
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ field: 'agreedBand' });
    });
  });

  it('records "not discussed" as an explicit choice and gives it back', async () => {
    const f = await family();
    const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body(f.childId),
      agreedBand: undefined,
      agreedBandNotDiscussed: true,
    });
    expect(res.status).toBe(201);
    const { contact } = res.json as unknown as Saved;
    expect(contact).toMatchObject({ agreedBand: null, agreedBandNotDiscussed: true });
    const file = await nurse.client.get(`/api/families/${f.familyId}`);
    expect((file.json as { contacts: { agreedBandNotDiscussed: boolean }[] }).contacts[0]).toMatchObject({
      agreedBandNotDiscussed: true,
    });
  });

  it('closes the older open follow-up when a finished contact plans a new one, and audits it', async () => {
    const f = await family();
    const first = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body(f.childId, { date: '2026-01-10' }),
      agreement: {
        text: 'Terugkomen',
        nextTopicPermission: false,
        extraContact: true,
        followUpDue: '2026-01-24',
      },
    });
    expect(first.status).toBe(201);
    const old = (first.json as unknown as Saved).contact.agreement?.id;

    // A draft closes nothing: it may still change or be thrown away.
    const draft = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body(f.childId),
      status: 'draft',
      agreement: {
        text: 'Nieuw',
        nextTopicPermission: false,
        extraContact: false,
        followUpDue: '2026-03-05',
      },
    });
    expect(draft.status).toBe(201);
    let file = (await nurse.client.get(`/api/families/${f.familyId}`)).json as { agreements: Agreement[] };
    expect(file.agreements.find((a) => a.id === old)).toMatchObject({ status: 'open', overdue: true });
    const overdue = async () =>
      (
        (await nurse.client.get('/api/worklist?due=overdue')).json as { items: { familyId: string }[] }
      ).items.map((i) => i.familyId);
    expect(await overdue()).toContain(f.familyId);

    const { contact } = draft.json as unknown as Saved;
    const finished = await nurse.client.request('PUT', `/api/contacts/${contact.id}`, {
      body: {
        ...body(f.childId),
        agreement: {
          text: 'Nieuw',
          nextTopicPermission: false,
          extraContact: false,
          followUpDue: '2026-03-05',
        },
        version: contact.version,
      },
    });
    expect(finished.status).toBe(200);
    const replacing = (finished.json as unknown as Saved).contact.agreement?.id;

    file = (await nurse.client.get(`/api/families/${f.familyId}`)).json as { agreements: Agreement[] };
    expect(file.agreements.find((a) => a.id === old)).toMatchObject({
      status: 'done',
      overdue: false,
      supersededBy: replacing,
    });
    expect(file.agreements.find((a) => a.id === replacing)).toMatchObject({ status: 'open' });

    expect(await overdue()).not.toContain(f.familyId);

    // Reopened by hand, it is no longer marked as replaced.
    const closed = file.agreements.find((a) => a.id === old);
    const reopened = await nurse.client.request('PATCH', `/api/agreements/${old}`, {
      body: { version: closed?.version, status: 'open' },
    });
    expect(reopened.json).toMatchObject({ status: 'open', supersededBy: null });
  });

  it('names the closed follow-ups in the audit record of the contact', async () => {
    const f = await family();
    const first = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body(f.childId, { date: '2026-01-10' }),
      agreement: {
        text: 'Terugkomen',
        nextTopicPermission: false,
        extraContact: false,
        followUpDue: '2026-01-24',
      },
    });
    const old = (first.json as unknown as Saved).contact.agreement?.id;
    const res = await nurse.client.post(`/api/families/${f.familyId}/contacts`, {
      ...body(f.childId),
      agreement: {
        text: 'Nieuw',
        nextTopicPermission: false,
        extraContact: false,
        followUpDue: '2026-03-05',
      },
    });
    expect(res.status).toBe(201);
    const audit = await lastAudit(current().db, nurse.id);
    expect(audit?.action).toBe('contact.create');
    expect(JSON.parse(String(audit?.details_json))).toMatchObject({ supersededAgreements: [old] });
  });
});
