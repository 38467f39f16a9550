import type { Bundle, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { exportBundle } from './export-bundle.ts';
import { LOINC, NATIONAL_ID_SYSTEM, PROFILES } from './mapping.ts';
import { richInput } from './test-fixtures.ts';
import { bundleProblems } from './test-validate.ts';

const ofType = <T extends Resource>(b: Bundle, type: T['resourceType']): T[] =>
  (b.entry ?? []).map((e) => e.resource as Resource).filter((r): r is T => r.resourceType === type);

describe.each(['nl', 'be'] as const)('FHIR export of a family with one of everything (%s)', (region) => {
  const bundle = exportBundle(richInput(region));

  it('validates against R4 and the exchange rules, resource by resource', () => {
    expect(bundleProblems(bundle, region)).toEqual([]);
  });

  it('holds every kind of resource the mapping promises', () => {
    const types = new Set((bundle.entry ?? []).map((e) => e.resource?.resourceType));
    for (const t of [
      'Group',
      'Organization',
      'Patient',
      'RelatedPerson',
      'Encounter',
      'Observation',
      'Questionnaire',
      'QuestionnaireResponse',
      'CarePlan',
      'ServiceRequest',
      'Consent',
      'Provenance',
    ])
      expect(types, t).toContain(t);
    expect(bundle.type).toBe('collection');
  });

  it('carries the regional profile and national identifier system on the child', () => {
    const [born, unborn] = ofType<Patient>(bundle, 'Patient');
    expect(born?.meta?.profile).toEqual([PROFILES.patient[region]]);
    expect(born?.identifier?.find((i) => i.system === NATIONAL_ID_SYSTEM[region])?.value).toBe(
      region === 'nl' ? '111222333' : '26030100180',
    );
    // The unborn child has no birth date; its expected date travels in an extension.
    expect(unborn?.birthDate).toBeUndefined();
    expect(unborn?.extension?.some((x) => x.valueDate === '2027-02-01')).toBe(true);
  });

  it('codes GAD-7 and PHQ-9 totals with LOINC and leaves the EPDS to its Nestwerk code', () => {
    const screenings = ofType<Observation>(bundle, 'Observation').filter((o) =>
      o.category?.some((c) => c.coding?.some((x) => x.code === 'parent-screening')),
    );
    const loinc = (instrument: string) =>
      screenings
        .find((o) => o.code.coding?.some((c) => c.code === instrument))
        ?.code.coding?.find((c) => c.system === LOINC)?.code;
    expect(loinc('gad_7')).toBe('70274-6');
    expect(loinc('phq_9')).toBe('44261-6');
    expect(loinc('epds')).toBeUndefined();
  });

  it('marks a withdrawn consent inactive with the withdrawal ending its period', () => {
    const withdrawn = ofType<import('@medplum/fhirtypes').Consent>(bundle, 'Consent').find((c) =>
      c.provision?.period?.end?.startsWith('2026-10-01'),
    );
    expect(withdrawn?.status).toBe('inactive');
  });

  it('is the same Bundle every time for the same input (ids included)', () => {
    expect(exportBundle(richInput(region))).toEqual(bundle);
  });
});

describe('the validation the tests rely on', () => {
  it('rejects what R4 and the exchange rules forbid', async () => {
    const { r4Problems, exchangeProblems } = await import('./test-validate.ts');
    expect(r4Problems({ resourceType: 'Observation' } as Resource)).not.toEqual([]);
    const bundle = exportBundle(richInput('nl'));
    const patient = ofType<Patient>(bundle, 'Patient')[0] as Patient;
    patient.meta = { profile: [PROFILES.patient.be] };
    patient.identifier?.push({ system: NATIONAL_ID_SYSTEM.be, value: '26030100180' });
    expect(exchangeProblems(bundle, 'nl').length).toBeGreaterThanOrEqual(2);
  });
});
