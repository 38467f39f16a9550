import type { Bundle } from '@medplum/fhirtypes';
import type { ParentScreening, ReferralSummary } from '@nestwerk/contract';
import {
  CONTACT_TYPES,
  knowledge,
  REFERRAL_STATUSES,
  RELATIONSHIP_BANDS,
  SCREENING_OUTCOMES,
} from '@nestwerk/knowledge';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { secretBoxFor } from '../domain/family-import-cli.ts';
import { startTestServer, TestClock, type TestServer } from '../http/test-server.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { actor, createOrg } from '../testing/world.ts';
import { exportBundle } from './export-bundle.ts';
import type { FhirFamilyInput } from './input.ts';
import { loadFhirInput } from './load-input.ts';
import { caregiver, child, contact, richInput, screening, uid } from './test-fixtures.ts';
import { normaliseBundle } from './test-normalise.ts';

const AT = '2026-11-30T10:00:00.000Z';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && s === s.trim());
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: Math.min(5, xs.length) });

/**
 * Families as a professional records them: born children under two, contacts after the birth and before the
 * export, finished ones with the agreed estimate or "not discussed", any cues, factors and criteria; the
 * mother's screenings in every form an instrument takes, questionnaire results, and referrals in any status.
 */
const family = fc
  .record({
    region: fc.constantFrom('nl' as const, 'be' as const),
    familyName: name,
    children: fc.array(fc.record({ given: name, ageDays: fc.integer({ min: 30, max: 600 }) }), {
      minLength: 1,
      maxLength: 2,
    }),
    caregivers: fc.array(name, { minLength: 1, maxLength: 2 }),
    contacts: fc.array(
      fc.record({
        type: fc.constantFrom(...CONTACT_TYPES.filter((t) => t !== 'prenatal_visit')),
        final: fc.boolean(),
        daysAgo: fc.integer({ min: 1, max: 29 }),
        cues: subset(knowledge.cues.map((c) => c.code)),
        factors: subset(knowledge.factors.map((f) => f.code)),
        criteria: subset(knowledge.referralCriteria.map((c) => c.code)),
        band: fc.option(fc.constantFrom(...RELATIONSHIP_BANDS)),
        notes: fc.option(name),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    // What a parent answered: yes/no (Whooley), item scores, or a total alone; the outcome is the sender's.
    screenings: fc.array(
      fc.record({
        answers: fc.oneof(
          fc.record({
            instrument: fc.constant('whooley' as const),
            answers: fc.tuple(fc.boolean(), fc.boolean()),
          }),
          fc.record({
            instrument: fc.constant('epds' as const),
            items: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
          }),
          fc.record({
            instrument: fc.constant('epds' as const),
            total: fc.integer({ min: 0, max: 30 }),
            item10: fc.integer({ min: 0, max: 3 }),
          }),
          fc.record({ instrument: fc.constant('gad_7' as const), total: fc.integer({ min: 0, max: 21 }) }),
          fc.record({ instrument: fc.constant('phq_9' as const), total: fc.integer({ min: 0, max: 27 }) }),
          fc.record({ instrument: fc.constant('gad_2' as const), total: fc.integer({ min: 0, max: 6 }) }),
        ),
        outcome: fc.constantFrom(...SCREENING_OUTCOMES),
        daysAgo: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 3 },
    ),
    referrals: fc.array(
      fc.record({
        partner: name,
        status: fc.constantFrom(...REFERRAL_STATUSES),
        interventions: subset(knowledge.interventions.map((i) => i.code)),
        reason: fc.option(name),
        feedbackDue: fc.option(fc.integer({ min: 0, max: 30 })),
      }),
      { maxLength: 2 },
    ),
    withScores: fc.boolean(),
  })
  .map((g): FhirFamilyInput => {
    const base = richInput(g.region);
    const now = Date.parse(AT);
    const kids = g.children.map((c, i) =>
      child(i, { givenName: c.given, familyName: g.familyName, birthDate: isoDay(now - c.ageDays * DAY) }),
    );
    const firstChild = (kids[0] as { id: string }).id;
    const mother = caregiver(0).id;
    // Newest first, as the family file lists a parent's screenings.
    const screenings = [...g.screenings]
      .sort((a, b) => a.daysAgo - b.daysAgo)
      .map(
        (x, i): ParentScreening =>
          screening(i, mother, {
            instrument: x.answers.instrument,
            date: isoDay(now - x.daysAgo * DAY),
            answers: 'answers' in x.answers ? [...x.answers.answers] : null,
            items: 'items' in x.answers ? x.answers.items : null,
            total:
              'answers' in x.answers
                ? x.answers.answers.filter(Boolean).length
                : 'items' in x.answers
                  ? x.answers.items.reduce((a, b) => a + b, 0)
                  : x.answers.total,
            item10:
              'items' in x.answers
                ? (x.answers.items[9] ?? 0)
                : 'item10' in x.answers
                  ? x.answers.item10
                  : null,
            outcome: x.outcome,
          }),
      );
    const referrals = g.referrals.map(
      (r, i): ReferralSummary => ({
        id: uid(11, i),
        partner: { id: uid(6, i), name: r.partner },
        status: r.status,
        basis: 'no_consent',
        flagged: false,
        sentAt: r.status === 'draft' ? null : AT,
        feedbackDue: r.feedbackDue === null ? null : isoDay(now + r.feedbackDue * DAY),
        feedbackOverdue: false,
        consentWithdrawnAt: null,
        createdAt: AT,
      }),
    );
    return {
      ...base,
      exportedAt: AT,
      nationalIds: {},
      family: {
        ...base.family,
        name: g.familyName,
        children: kids,
        // The first caregiver is the mother: the one screened.
        caregivers: g.caregivers.map((given, i) =>
          caregiver(i, { givenName: given, role: i === 0 ? 'mother' : 'father' }),
        ),
        agreements: [],
        consents: [],
        referrals,
        screenings: screenings.length > 0 ? [{ personId: mother, role: 'mother', screenings }] : [],
        instrumentResults: g.withScores
          ? base.family.instrumentResults.map((r) => ({ ...r, childId: firstChild, contactId: null }))
          : [],
      },
      instrumentResponses: g.withScores ? base.instrumentResponses : [],
      referralDetails: Object.fromEntries(
        referrals.map((r, i) => [
          r.id,
          {
            childId: firstChild,
            interventions: g.referrals[i]?.interventions ?? [],
            reasonText: g.referrals[i]?.reason ?? null,
            consentId: null,
          },
        ]),
      ),
      contacts: g.contacts.map((c, i) =>
        contact(i, (kids[i % kids.length] as { id: string }).id, {
          type: c.type,
          status: c.final ? 'final' : 'draft',
          date: isoDay(now - c.daysAgo * DAY),
          cues: Object.fromEntries(c.cues.map((x) => [x, true])),
          factors: Object.fromEntries(
            c.factors.map((x, j) => [
              x,
              {
                value: (['present', 'absent', 'unknown'] as const)[j % 3],
                reportedBy: j % 2 === 0 ? 'parent' : 'professional',
                recordedAt: AT,
              },
            ]),
          ),
          criteria: Object.fromEntries(c.criteria.map((x) => [x, true])),
          agreedBand: c.band,
          agreedBandNotDiscussed: c.band === null && c.final,
          notes: c.notes,
        }),
      ),
    } as FhirFamilyInput;
  });

forEachDatabase('FHIR round trip, property', (current) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      clock: new TestClock(new Date(AT)),
    });
  });
  afterAll(() => server?.close());

  /** Imports a Bundle into a new organisation of the given region and exports what it created. */
  async function importAndExport(bundle: Bundle, region: 'nl' | 'be', orgName: string): Promise<Bundle> {
    const { db } = current();
    const org = await createOrg(db, { region, name: orgName });
    const nurse = await actor(server, db, org, 'nurse');
    const res = await nurse.client.post('/api/fhir/import', bundle);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { familyId } = res.json as { familyId: string };
    const loaded = await loadFhirInput(
      db,
      familyId,
      { at: AT, today: AT.slice(0, 10) },
      secretBoxFor(current()),
    );
    if (!loaded) throw new Error('the imported family did not load');
    return exportBundle(loaded.input);
  }

  it('generated families: export → import → export → import → export is stable', async () => {
    await fc.assert(
      fc.asyncProperty(family, async (input) => {
        const { region, name: orgName } = input.organisation;
        const once = await importAndExport(exportBundle(input), region, orgName);
        const twice = await importAndExport(once, region, orgName);
        expect(normaliseBundle(twice)).toEqual(normaliseBundle(once));
      }),
      { numRuns: 8, seed: 20261201 },
    );
  }, 120_000);
});
