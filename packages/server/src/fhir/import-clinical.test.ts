import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { exportBundle } from './export-bundle.ts';
import { readClinicalContent } from './import-clinical.ts';
import { codeSystemUrl } from './mapping.ts';
import { richInput } from './test-fixtures.ts';

type Json = Record<string, unknown>;
const asJson = (b: Bundle): Json => JSON.parse(JSON.stringify(b)) as Json;
const entries = (b: Json) => b.entry as Array<{ fullUrl: string; resource: Resource & Json }>;
/** The resource of entry `i`, which the test just found. */
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

describe.each(['nl', 'be'] as const)('reading clinical content back (%s)', (region) => {
  // As the contract stores them: a finished contact records the agreed estimate or that it was not discussed.
  const input = richInput(region);
  const exported = exportBundle({
    ...input,
    contacts: input.contacts.map((c) =>
      c.contact.status === 'final' && !c.contact.agreedBand
        ? { ...c, contact: { ...c.contact, agreedBandNotDiscussed: true } }
        : c,
    ),
  });

  it('reads every contact, agreement and consent of an export', () => {
    const read = readClinicalContent(asJson(exported));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const count = (t: string) => (exported.entry ?? []).filter((e) => e.resource?.resourceType === t).length;
    expect(read.content.contacts).toHaveLength(count('Encounter'));
    expect(read.content.agreements).toHaveLength(count('CarePlan'));
    expect(read.content.consents).toHaveLength(count('Consent'));
    expect(read.content.sourceSystem).toBe(richInput(region).organisation.name);
  });

  it('names the entry of a cue code Nestwerk does not know', () => {
    const b = asJson(exported);
    const i = indexOf(b, (r) => isKind(r, 'cue'));
    const coding = (at(b, i).code as { coding: Json[] }).coding[0] as Json;
    coding.code = 'no_such_cue';
    expect(readClinicalContent(b)).toEqual({
      ok: false,
      issues: [{ entry: i, resourceType: 'Observation', path: 'Observation.code', code: 'unknown_code' }],
    });
  });

  it('names the entry of an unknown contact type and of a status it cannot map', () => {
    const b = asJson(exported);
    const i = indexOf(b, (r) => r.resourceType === 'Encounter');
    const encounter = at(b, i);
    encounter.type = [{ coding: [{ system: codeSystemUrl('contact-type'), code: 'video' }] }];
    encounter.status = 'planned';
    const read = readClinicalContent(b);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues).toEqual([
      { entry: i, resourceType: 'Encounter', path: 'Encounter.type', code: 'unknown_code' },
      { entry: i, resourceType: 'Encounter', path: 'Encounter.status', code: 'unknown_code' },
    ]);
  });

  it('names broken references: an Observation to no Encounter, a Consent given by no one', () => {
    const b = asJson(exported);
    const o = indexOf(b, (r) => isKind(r, 'factor'));
    at(b, o).encounter = {
      reference: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    };
    const c = indexOf(b, (r) => r.resourceType === 'Consent');
    at(b, c).performer = [{ reference: 'Patient/elsewhere' }];
    const read = readClinicalContent(b);
    expect(read.ok ? [] : read.issues).toEqual([
      { entry: o, resourceType: 'Observation', path: 'Observation.encounter', code: 'broken_reference' },
      { entry: c, resourceType: 'Consent', path: 'Consent.performer[0]', code: 'broken_reference' },
    ]);
  });

  it('refuses a share item outside the CodeSystem in a consent’s scope', () => {
    const b = asJson(exported);
    const c = indexOf(b, (r) => r.resourceType === 'Consent' && Array.isArray((r.provision as Json)?.code));
    const provision = at(b, c).provision as { code: Json[] };
    provision.code.push({ coding: [{ system: codeSystemUrl('share-item'), code: 'diary' }] });
    const read = readClinicalContent(b);
    expect(read.ok ? [] : read.issues).toEqual([
      {
        entry: c,
        resourceType: 'Consent',
        path: `Consent.provision.code[${provision.code.length - 1}]`,
        code: 'unknown_code',
      },
    ]);
  });
});
