import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { exportBundle } from './export-bundle.ts';
import { readClinicalContent } from './import-clinical.ts';
import { codeSystemUrl, EXTENSIONS } from './mapping.ts';
import { richInput } from './test-fixtures.ts';

type Json = Record<string, unknown>;
const asJson = (b: Bundle): Json => JSON.parse(JSON.stringify(b)) as Json;
const entries = (b: Json) => b.entry as Array<{ fullUrl: string; resource: Resource & Json }>;
const at = (b: Json, i: number): Json => {
  const e = entries(b)[i];
  if (!e) throw new Error(`no entry ${i}`);
  return e.resource;
};
const indexOf = (b: Json, pick: (r: Resource) => boolean) => entries(b).findIndex((e) => pick(e.resource));
const isKind = (r: Resource, kind: string) =>
  r.resourceType === 'Observation' &&
  (r.category ?? []).some((c) =>
    (c.coding ?? []).some((x) => x.system === codeSystemUrl('observation-kind') && x.code === kind),
  );

describe.each(['nl', 'be'] as const)(
  'reading screenings, questionnaire results and referrals (%s)',
  (region) => {
    const input = richInput(region);
    const exported = exportBundle({
      ...input,
      contacts: input.contacts.map((c) =>
        c.contact.status === 'final' && !c.contact.agreedBand
          ? { ...c, contact: { ...c.contact, agreedBandNotDiscussed: true } }
          : c,
      ),
    });
    const read = () => {
      const r = readClinicalContent(asJson(exported));
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.content;
    };

    it('reads every screening with what the parent answered, in the shape stored', () => {
      const { screenings } = read();
      const sent = input.family.screenings.flatMap((p) => p.screenings);
      expect(screenings).toHaveLength(sent.length);
      const byInstrument = (i: string) => screenings.find((s) => s.instrument === i);
      expect(byInstrument('whooley')?.answers).toEqual({
        answers: sent.find((s) => s.instrument === 'whooley')?.answers,
      });
      expect(byInstrument('gad_2')).toBeDefined();
      const epds = screenings.find((s) => s.instrument === 'epds' && s.answers.items === undefined);
      expect(epds).toMatchObject({
        total: 14,
        item10: 1,
        outcome: 'urgent',
        professionalName: 'Anna Jansen',
      });
      expect(epds?.answers).toEqual({ total: 14, item10: 1 });
    });

    it('reads questionnaire results with their scales, answers and definition version', () => {
      const { instrumentResults } = read();
      const lsvg = instrumentResults.find((r) => r.instrumentId === 'lsvg');
      expect(lsvg).toMatchObject({
        definitionVersion: '2024.1',
        answers: { q1: 2, q2: null, q3: 0 },
        scales: [
          { id: 'total', label: 'Totaal', score: 12, band: 'normal' },
          { id: 'sub', label: 'Sub', score: null, band: null },
        ],
      });
      expect(instrumentResults.find((r) => r.instrumentId === 'ari_cp_2_5')).toMatchObject({
        definitionVersion: null,
        answers: null,
        scales: null,
      });
    });

    it('reads referrals with their exact status, basis, consent and partner', () => {
      const { referrals, partners, consents } = read();
      expect(referrals.map((r) => r.status).sort()).toEqual(['declined', 'draft', 'in_care']);
      const inCare = referrals.find((r) => r.status === 'in_care');
      expect(inCare).toMatchObject({
        basis: 'consent',
        interventions: ['vipp_sd'],
        feedbackDue: '2026-12-30',
      });
      expect(consents.some((c) => c.entry === inCare?.consentEntry)).toBe(true);
      const partner = partners.find((p) => p.entry === inCare?.partnerEntry);
      expect(partner).toMatchObject({ name: 'Ouder-kindteam Noord' });
      // The consent to the same partner points at the same Organization entry.
      expect(consents.filter((c) => c.recipientEntry === partner?.entry).length).toBeGreaterThan(0);
      expect(consents.find((c) => c.recipient === 'Huisarts Bos')?.recipientEntry).toBeNull();
    });

    it('names the entry, type and path of an unknown referral status and screening outcome, all at once', () => {
      const b = asJson(exported);
      const sr = indexOf(b, (r) => r.resourceType === 'ServiceRequest');
      const ext = (at(b, sr).extension as Json[]).find((e) => e.url === EXTENSIONS.referralStatus) as Json;
      (ext.valueCoding as Json).code = 'teleported';
      const obs = indexOf(b, (r) => isKind(r, 'parent-screening'));
      ((at(b, obs).interpretation as Json[])[0] as { coding: Json[] }).coding = [
        { system: codeSystemUrl('screening-outcome'), code: 'fine' },
      ];
      const result = readClinicalContent(b);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toEqual(
        expect.arrayContaining([
          {
            entry: sr,
            resourceType: 'ServiceRequest',
            path: 'ServiceRequest.extension(referral-status)',
            code: 'unknown_code',
          },
          {
            entry: obs,
            resourceType: 'Observation',
            path: 'Observation.interpretation[0]',
            code: 'unknown_code',
          },
        ]),
      );
    });

    it('names a broken reference: a screening about nobody, a referral to no partner', () => {
      const b = asJson(exported);
      const obs = indexOf(b, (r) => isKind(r, 'parent-screening'));
      at(b, obs).focus = [{ reference: 'urn:uuid:00000000-0000-0000-0000-000000000000' }];
      const sr = indexOf(b, (r) => r.resourceType === 'ServiceRequest');
      at(b, sr).performer = [{ reference: 'RelatedPerson/nope', display: 'x' }];
      const result = readClinicalContent(b);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toEqual(
        expect.arrayContaining([
          { entry: obs, resourceType: 'Observation', path: 'Observation.focus[0]', code: 'broken_reference' },
          {
            entry: sr,
            resourceType: 'ServiceRequest',
            path: 'ServiceRequest.performer[0]',
            code: 'broken_reference',
          },
        ]),
      );
    });

    it('refuses a consent-based referral without its consent, and answers out of an instrument’s range', () => {
      const b = asJson(exported);
      const sr = indexOf(
        b,
        (r) => r.resourceType === 'ServiceRequest' && (r.supportingInfo ?? []).length > 0,
      );
      delete at(b, sr).supportingInfo;
      const qr = indexOf(
        b,
        (r) =>
          r.resourceType === 'QuestionnaireResponse' &&
          (r.item ?? []).some((i) => i.answer?.[0]?.valueInteger !== undefined) &&
          (r.questionnaire ?? '').includes('/Questionnaire/') &&
          !(r.questionnaire ?? '').includes('|'),
      );
      const items = at(b, qr).item as Array<{ answer: Json[] }>;
      (items[0] as { answer: Json[] }).answer = [{ valueInteger: 9 }];
      const result = readClinicalContent(b);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toEqual(
        expect.arrayContaining([
          {
            entry: sr,
            resourceType: 'ServiceRequest',
            path: 'ServiceRequest.supportingInfo',
            code: 'required',
          },
          {
            entry: qr,
            resourceType: 'QuestionnaireResponse',
            path: 'QuestionnaireResponse.item[0].answer[0]',
            code: 'invalid',
          },
        ]),
      );
    });
  },
);
