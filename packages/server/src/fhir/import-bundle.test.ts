import { describe, expect, it } from 'vitest';
import { readFamilyBundle } from './import-bundle.ts';
import { EXTENSIONS, NATIONAL_ID_SYSTEM, NESTWERK_ID_SYSTEMS } from './mapping.ts';

const TODAY = '2026-03-02';

function bundle(...resources: Record<string, unknown>[]) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
      resource,
    })),
  };
}

const group = {
  resourceType: 'Group',
  identifier: [{ system: NESTWERK_ID_SYSTEMS.family, value: 'fam-1' }],
  type: 'person',
  actual: true,
  name: 'Yılmaz',
};
const patient = {
  resourceType: 'Patient',
  identifier: [{ system: NATIONAL_ID_SYSTEM.nl, value: '111222333' }],
  name: [{ use: 'official', family: 'Yılmaz', given: ['Elif'] }],
  birthDate: '2025-11-20',
  extension: [{ url: EXTENSIONS.firstChild, valueBoolean: true }],
  address: [{ postalCode: '3511 AB', city: 'Utrecht' }],
};
const mother = {
  resourceType: 'RelatedPerson',
  name: [{ family: 'Yılmaz', given: ['Ayşe'] }],
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] }],
  extension: [{ url: EXTENSIONS.birthYear, valueInteger: 1996 }],
  telecom: [{ system: 'phone', value: '06 12345678' }],
};

describe('reading a family from a Bundle', () => {
  it('reads the family, its child and caregiver, and the sender’s family id', () => {
    const read = readFamilyBundle(bundle(group, patient, mother, { resourceType: 'Encounter' }), TODAY);
    expect(read).toEqual({
      ok: true,
      family: {
        sourceFamilyId: 'fam-1',
        name: 'Yılmaz',
        postcode: '3511 AB',
        municipality: 'Utrecht',
        children: [
          {
            givenName: 'Elif',
            familyName: 'Yılmaz',
            birthDate: '2025-11-20',
            dueDate: null,
            firstChild: true,
            nationalId: { system: 'bsn', digits: '111222333' },
          },
        ],
        caregivers: [
          {
            givenName: 'Ayşe',
            familyName: 'Yılmaz',
            role: 'mother',
            birthYear: 1996,
            lowEducation: null,
            phone: '06 12345678',
            nationalId: null,
          },
        ],
      },
    });
  });

  it('takes an unborn child from its expected date, and a family without a Group by the child’s name', () => {
    const unborn = {
      resourceType: 'Patient',
      name: [{ family: 'Peeters', given: ['Baby'] }],
      extension: [{ url: EXTENSIONS.expectedBirthDate, valueDate: '2026-06-01' }],
    };
    const read = readFamilyBundle(bundle(unborn), TODAY);
    expect(read.ok && read.family).toMatchObject({
      sourceFamilyId: null,
      name: 'Peeters',
      children: [{ birthDate: null, dueDate: '2026-06-01' }],
    });
  });

  // Each wrong Bundle names the entry, its resource type, the path inside it and a stable code.
  const cases: [string, unknown, { entry: number; resourceType: string; path: string; code: string }[]][] = [
    [
      'not a Bundle',
      { resourceType: 'Patient' },
      [{ entry: -1, resourceType: 'Bundle', path: 'Bundle.resourceType', code: 'required' }],
    ],
    [
      'no child',
      bundle(group, mother),
      [{ entry: -1, resourceType: 'Bundle', path: 'Bundle.entry', code: 'no_patient' }],
    ],
    [
      'a child without a family name',
      bundle(group, { ...patient, name: [{ given: ['Elif'] }] }),
      [{ entry: 1, resourceType: 'Patient', path: 'Patient.name[0].family', code: 'required' }],
    ],
    [
      'a wrong BSN',
      bundle(group, { ...patient, identifier: [{ system: NATIONAL_ID_SYSTEM.nl, value: '111222334' }] }),
      [{ entry: 1, resourceType: 'Patient', path: 'Patient.identifier[0].value', code: 'invalid_bsn' }],
    ],
    [
      'a wrong INSZ',
      bundle(group, { ...patient, identifier: [{ system: NATIONAL_ID_SYSTEM.be, value: '01010100127' }] }),
      [{ entry: 1, resourceType: 'Patient', path: 'Patient.identifier[0].value', code: 'invalid_insz' }],
    ],
    [
      'a birth date in the future',
      bundle(group, { ...patient, birthDate: '2027-01-01' }),
      [{ entry: 1, resourceType: 'Patient', path: 'Patient.birthDate', code: 'in_future' }],
    ],
    [
      'neither birth nor expected date',
      bundle(group, { ...patient, birthDate: undefined }),
      [{ entry: 1, resourceType: 'Patient', path: 'Patient.birthDate', code: 'birth_or_due' }],
    ],
    [
      'an entry without a resource, and a caregiver without a name',
      bundle(group, patient, { ...mother, name: [] }, {} as Record<string, unknown>),
      [
        { entry: 2, resourceType: 'RelatedPerson', path: 'RelatedPerson.name', code: 'required' },
        { entry: 3, resourceType: 'unknown', path: 'resource.resourceType', code: 'required' },
      ],
    ],
  ];
  it.each(cases)('rejects %s, naming the entry', (_name, input, issues) => {
    expect(readFamilyBundle(input, TODAY)).toEqual({ ok: false, issues });
  });
});
