import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { auditRows, concerningContact, LONG_SESSIONS, ok, seedPartner } from '../../testing/network-world.ts';
import { type Actor, actor, createOrg, relate, type SeededFamily, seedFamily } from '../../testing/world.ts';

const MINIMUM = ['reason', 'referrer', 'child_age', 'cues', 'factors', 'interventions', 'parent_wishes'];

forEachDatabase(
  'referrals: sending what is on screen, reminders, notifications that name the family',
  (current) => {
    let server: TestServer;
    let nurse: Actor;
    let imhUser: Actor;
    let lead: Actor;
    let family: SeededFamily;
    let contactId: string;
    let partnerId = '';

    beforeAll(async () => {
      const db = current().db;
      server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
      const org = await createOrg(db);
      nurse = await actor(server, db, org, 'nurse');
      lead = await actor(server, db, org, 'team_lead');
      const imhOrg = await createOrg(db, { kind: 'partner', name: 'IMH-team Heuvelrug (test)' });
      imhUser = await actor(server, db, imhOrg, 'imh_specialist');
      partnerId = await seedPartner(db, org.organisationId, {
        name: 'IMH-team Heuvelrug',
        kind: 'imh_specialist',
        municipalities: ['Utrecht'],
        interventions: ['imh_team'],
        nestwerkOrganisationId: imhOrg.organisationId,
        feedbackDays: 10,
      });
      family = await seedFamily(db, org.organisationId, nurse.id);
      await relate(db, family.familyId, { userId: nurse.id }, nurse.id);
      contactId = await concerningContact(nurse, family);
    });
    afterAll(async () => {
      await server?.close();
    });

    /** A draft sharing the minimum, on a consent that also covers the child's name and the parent's phone. */
    async function draft() {
      return ok(
        await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
          partnerId,
          contactId,
          recommendationId: 'refer_outside',
          items: MINIMUM,
          consent: {
            givenBy: family.caregiverId,
            purpose: 'Aanmelding bij het IMH-team',
            scope: [...MINIMUM, 'child_name', 'parent_phone'],
          },
          reasonText: 'Huilt veel en ouder raakt uitgeput',
        }),
        201,
      );
    }

    it('the preview shows the items as ticked, before they are saved', async () => {
      const r = await draft();
      const preview = ok(
        await nurse.client.get(
          `/api/referrals/${r.id}/preview?items=${[...MINIMUM, 'child_name'].join(',')}`,
        ),
      );
      expect(preview.items).toContain('child_name');
      expect((preview.child as { givenName?: string }).givenName).toBeTruthy();
      const stored = ok(await nurse.client.get(`/api/referrals/${r.id}/preview`));
      expect(stored.items).not.toContain('child_name');
      const bad = await nurse.client.get(`/api/referrals/${r.id}/preview?items=child_name,shoe_size`);
      expect(bad.status).toBe(400);
    });

    it('sending takes the ticked items, stores them and freezes them into what is shared', async () => {
      const r = await draft();
      const sent = ok(
        await nurse.client.post(`/api/referrals/${r.id}/send`, {
          version: r.version,
          items: [...MINIMUM, 'child_name', 'parent_phone'],
        }),
      );
      expect(sent.status).toBe('sent');
      expect(sent.items).toEqual(expect.arrayContaining(['child_name', 'parent_phone']));
      const shared = sent.shared as { items: string[]; child: { givenName?: string }; parents?: unknown[] };
      expect(shared.items).toEqual(expect.arrayContaining(['child_name', 'parent_phone']));
      expect(shared.child.givenName).toBeTruthy();
      expect(shared.parents?.length).toBeGreaterThan(0);
      const [row] = (await auditRows(current().db, 'referral.share')).filter((a) =>
        String(a.details_json).includes(String(r.id)),
      );
      expect(JSON.parse(String(row?.details_json)).itemsChangedAtSend).toBe(true);
    });

    it('an item ticked outside the consent is refused at the field and nothing is sent', async () => {
      const r = await draft();
      const res = await nurse.client.post(`/api/referrals/${r.id}/send`, {
        version: r.version,
        items: [...MINIMUM, 'parent_names'],
      });
      expect(res.status).toBe(422);
      expect(res.json?.field).toBe('items');
      const after = ok(await nurse.client.get(`/api/referrals/${r.id}`));
      expect(after.status).toBe('draft');
      expect(after.items).not.toContain('parent_names');
    });

    it('without consent, ticking other items than the team lead confirmed is refused: they confirm again', async () => {
      const r = ok(
        await nurse.client.post(`/api/families/${family.familyId}/referrals`, {
          partnerId,
          contactId,
          reasonText: 'Zorgen om de veiligheid van de baby',
          noConsent: {
            purpose: 'De veiligheid van de baby.',
            alternativeWithoutSharing: 'Nee.',
            consentSought: 'Gevraagd; geweigerd.',
            proportionality: 'Ja.',
            whatToWhom: 'Alleen het IMH-team, de reden.',
          },
        }),
        201,
      );
      const confirmed = ok(await lead.client.post(`/api/referrals/${r.id}/confirm`, { version: r.version }));
      const res = await nurse.client.post(`/api/referrals/${r.id}/send`, {
        version: confirmed.version,
        items: [...MINIMUM, 'child_name'],
      });
      expect(res.status).toBe(422);
      expect(res.json?.field).toBe('items');
      // The same selection as confirmed goes out.
      const sent = ok(
        await nurse.client.post(`/api/referrals/${r.id}/send`, {
          version: confirmed.version,
          items: confirmed.items,
        }),
      );
      expect(sent.status).toBe('sent');
    });

    it('names family and child to the referrer, only the shared child name to the receiver, and only when asked', async () => {
      const r = await draft();
      const sent = ok(
        await nurse.client.post(`/api/referrals/${r.id}/send`, {
          version: r.version,
          items: [...MINIMUM, 'child_name'],
        }),
      );
      expect(sent.familyName).toBe(family.name);
      expect(sent.childName).toContain(family.name);
      const inbox = ok(await imhUser.client.get('/api/notifications?subjects=true'));
      const received = (inbox.items as Array<Record<string, unknown>>).find(
        (n) => n.referralId === r.id && n.kind === 'referral_received',
      );
      expect(received?.subject).toEqual({ family: null, child: sent.childName });
      const plain = ok(await imhUser.client.get('/api/notifications'));
      expect((plain.items as Array<{ subject: unknown }>).every((n) => n.subject === null)).toBe(true);

      ok(
        await imhUser.client.post(`/api/intake/${r.id}/feedback`, {
          text: 'Intake gepland voor volgende week.',
        }),
        201,
      );
      const mine = ok(await nurse.client.get('/api/notifications?subjects=true'));
      const feedback = (mine.items as Array<Record<string, unknown>>).find(
        (n) => n.referralId === r.id && n.kind === 'feedback_received',
      );
      expect(feedback?.subject).toEqual({ family: family.name, child: sent.childName });
      const listed = await auditRows(current().db, 'notifications.read.listed');
      expect(listed.some((a) => a.family_id === family.familyId)).toBe(true);
    });

    it('an overdue referral can be reminded once a day: a notice to the receiving team, audited', async () => {
      const r = await draft();
      const sent = ok(await nurse.client.post(`/api/referrals/${r.id}/send`, { version: r.version }));
      expect((sent.reminder as { canSend: boolean }).canSend).toBe(false);
      const early = await nurse.client.post(`/api/referrals/${r.id}/remind`, {});
      expect(early.status).toBe(422);
      await current()
        .db.updateTable('referrals')
        .set({ feedback_due: '2001-01-01' })
        .where('id', '=', String(r.id))
        .execute();
      const before = ok(await nurse.client.get(`/api/referrals/${r.id}`));
      expect(before.feedbackOverdue).toBe(true);
      expect((before.reminder as { canSend: boolean }).canSend).toBe(true);
      const reminded = ok(await nurse.client.post(`/api/referrals/${r.id}/remind`, {}));
      expect((reminded.reminder as { canSend: boolean; lastSentAt: string | null }).canSend).toBe(false);
      expect((reminded.reminder as { lastSentAt: string | null }).lastSentAt).not.toBeNull();
      const again = await nurse.client.post(`/api/referrals/${r.id}/remind`, {});
      expect(again.status).toBe(429);
      const inbox = ok(await imhUser.client.get('/api/notifications'));
      const reminders = (inbox.items as Array<Record<string, unknown>>).filter(
        (n) => n.referralId === r.id && n.kind === 'feedback_reminder',
      );
      expect(reminders).toHaveLength(1);
      // Refusals are audited too (their rows name the family and the error, not the referral).
      const audit = (await auditRows(current().db, 'referral.remind')).filter(
        (a) => a.family_id === family.familyId,
      );
      expect(audit.map((a) => a.outcome)).toEqual(['failure', 'success', 'failure']);
    });
  },
);
