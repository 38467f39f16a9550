import type { Bundle } from '@medplum/fhirtypes';
import type { ImportMarker } from '@nestwerk/contract';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, TestClock, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { seedPartner } from '../testing/network-world.ts';
import { actor, createOrg } from '../testing/world.ts';
import { exportBundle } from './export-bundle.ts';
import { codeSystemUrl } from './mapping.ts';
import { richInput } from './test-fixtures.ts';

const AT = '2026-12-01T10:00:00.000Z';

/**
 * The fixture's file without its contact moments (the contact import has its own tests): what is left is what
 * this file is about, consents, referrals and screenings.
 */
function bundleOf(region: 'nl' | 'be'): Bundle {
  const input = richInput(region);
  return exportBundle({
    ...input,
    contacts: [],
    family: {
      ...input.family,
      screenings: input.family.screenings.map((p) => ({
        ...p,
        screenings: p.screenings.map((s) => ({ ...s, contactId: null })),
      })),
      instrumentResults: input.family.instrumentResults.map((r) => ({ ...r, contactId: null })),
    },
  });
}

forEachDatabase('FHIR import of history: partners, consents, referrals', (current) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      clock: new TestClock(new Date(AT)),
    });
  });
  afterAll(() => server?.close());

  async function importInto(region: 'nl' | 'be', partners: string[]) {
    const { db } = current();
    const org = await createOrg(db, { region });
    const ids = new Map<string, string>();
    for (const name of partners)
      ids.set(name, await seedPartner(db, org.organisationId, { name, kind: 'youth_care', country: region }));
    const nurse = await actor(server, db, org, 'nurse');
    const res = await nurse.client.post('/api/fhir/import', bundleOf(region));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return { org, nurse, partnerIds: ids, familyId: (res.json as { familyId: string }).familyId };
  }

  it('links a consent to a partner this organisation knows, and keeps an unknown recipient as a name', async () => {
    const { db } = current();
    const { familyId, partnerIds, nurse } = await importInto('nl', ['ouder-KINDteam noord']);
    const consents = await db
      .selectFrom('consents')
      .select(['recipient', 'recipient_partner_id'])
      .where('family_id', '=', familyId)
      .execute();
    const known = partnerIds.get('ouder-KINDteam noord');
    expect(
      consents.filter((c) => c.recipient === 'Ouder-kindteam Noord').map((c) => c.recipient_partner_id),
    ).toEqual(expect.arrayContaining([known]));
    expect(consents.find((c) => c.recipient === 'Huisarts Bos')?.recipient_partner_id).toBeNull();
    // The family file says the unlinked one came from elsewhere and names no partner here: "external".
    const file = await nurse.client.get(`/api/families/${familyId}`);
    const shown = (file.json as { consents: Array<{ recipient: string; recipientPartnerId: string | null }> })
      .consents;
    expect(shown.find((c) => c.recipient === 'Huisarts Bos')?.recipientPartnerId).toBeNull();
    expect(shown.find((c) => c.recipient === 'Ouder-kindteam Noord')?.recipientPartnerId).toBe(known);
    // The file says where it came from, for the family and each record that came with it.
    const marker = (file.json as { imported: ImportMarker | null }).imported;
    expect(marker?.organisation).toBe(richInput('nl').organisation.name);
    expect(marker?.importedAt).toBe(AT);
    expect(marker?.records.consents).toHaveLength(shown.length);
    expect(marker?.records.referrals).toHaveLength(3);
    expect(marker?.records.screenings).toHaveLength(
      richInput('nl').family.screenings.flatMap((p) => p.screenings).length,
    );
  });

  it('keeps every consent recipient as a name when the organisation knows none of the partners', async () => {
    const { db } = current();
    const { familyId } = await importInto('be', []);
    const consents = await db
      .selectFrom('consents')
      .select(['recipient_partner_id'])
      .where('family_id', '=', familyId)
      .execute();
    expect(consents.length).toBeGreaterThan(0);
    expect(consents.every((c) => c.recipient_partner_id === null)).toBe(true);
  });

  it('imports referrals as history: status kept, no partner reached, never sent again', async () => {
    const { db } = current();
    const before = await db.selectFrom('notifications').select('id').execute();
    const { familyId, org, nurse } = await importInto('nl', []);
    const referrals = await db
      .selectFrom('referrals as r')
      .innerJoin('partners as p', 'p.id', 'r.partner_id')
      .select([
        'r.id',
        'r.status',
        'r.receiver_organisation_id',
        'r.consent_id',
        'p.archived_at',
        'p.organisation_id',
      ])
      .where('r.family_id', '=', familyId)
      .execute();
    expect(referrals.map((r) => r.status).sort()).toEqual(['declined', 'draft', 'in_care']);
    expect(referrals.every((r) => r.receiver_organisation_id === null)).toBe(true);
    // Unknown partners are archived placeholders on this organisation's own map: never offered for a new referral.
    expect(referrals.every((r) => r.archived_at !== null && r.organisation_id === org.organisationId)).toBe(
      true,
    );
    expect(referrals.filter((r) => r.status !== 'draft').every((r) => r.consent_id !== null)).toBe(true);
    expect(await db.selectFrom('notifications').select('id').execute()).toHaveLength(before.length);

    const draft = referrals.find((r) => r.status === 'draft');
    // The referral page is told, so it offers no send, remind or feedback on the sender's history.
    const detail = await nurse.client.get(`/api/referrals/${draft?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({
      imported: { organisation: expect.any(String), importedAt: expect.any(String) },
    });
    const sent = await nurse.client.post(`/api/referrals/${draft?.id}/send`, { version: 1 });
    expect(sent.status).toBe(409);
    expect(sent.json).toMatchObject({ issues: [{ code: 'imported_referral' }] });
    const status = await db
      .selectFrom('referrals')
      .select('status')
      .where('id', '=', draft?.id ?? '')
      .executeTakeFirst();
    expect(status?.status).toBe('draft');
  });

  it('rejects a screening with an unknown outcome with 400 naming the entry, and writes nothing', async () => {
    const { db } = current();
    const bundle = JSON.parse(JSON.stringify(bundleOf('nl'))) as Bundle;
    const i = (bundle.entry ?? []).findIndex(
      (e) =>
        e.resource?.resourceType === 'Observation' &&
        (e.resource.category ?? []).some((c) => c.coding?.some((x) => x.code === 'parent-screening')),
    );
    const obs = bundle.entry?.[i]?.resource;
    if (obs?.resourceType !== 'Observation') throw new Error('no screening');
    obs.interpretation = [{ coding: [{ system: codeSystemUrl('screening-outcome'), code: 'fine' }] }];
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('families')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const families = await count();
    const org = await createOrg(db, { region: 'nl' });
    const nurse = await actor(server, db, org, 'nurse');
    const res = await nurse.client.post('/api/fhir/import', bundle);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: 'invalid_input',
      issues: [
        {
          path: `entry.${i}`,
          code: 'unknown_code',
          params: { entry: i, resourceType: 'Observation', fhirPath: 'Observation.interpretation[0]' },
        },
      ],
    });
    expect(await count()).toBe(families);
  });
});
