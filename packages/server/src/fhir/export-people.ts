import type {
  Address,
  Encounter,
  Extension,
  Group,
  Identifier,
  Organization,
  Patient,
  RelatedPerson,
} from '@medplum/fhirtypes';
import type { Caregiver, Child, ContactWithAssessment } from '@nestwerk/contract';
import { fhirId, nw, ref } from './ids.ts';
import type { FhirFamilyInput } from './input.ts';
import { EXTENSIONS, HL7, NATIONAL_ID_SYSTEM, NESTWERK_ID_SYSTEMS, PROFILES, ROLE_CODES } from './mapping.ts';

/** The ids of the resources every other resource points at. */
export interface Anchors {
  group: string;
  organisation: string;
  /** Per child person id. */
  patients: Map<string, string>;
  /** The child that family-level resources (consents, agreements without a contact) are recorded about. */
  firstChild: string;
  /** Per caregiver person id. */
  relatedPersons: Map<string, string>;
  /** Per contact id. */
  encounters: Map<string, string>;
  /** Per partner id (referral receivers and consent recipients). */
  partners: Map<string, string>;
}

const nestwerkId = (kind: keyof typeof NESTWERK_ID_SYSTEMS, value: string): Identifier => ({
  use: 'secondary',
  system: NESTWERK_ID_SYSTEMS[kind],
  value,
});

function personIdentifiers(input: FhirFamilyInput, personId: string): Identifier[] {
  const national = input.nationalIds[personId];
  return [
    nestwerkId('person', personId),
    ...(national
      ? [{ use: 'official' as const, system: NATIONAL_ID_SYSTEM[input.organisation.region], value: national }]
      : []),
  ];
}

function address(input: FhirFamilyInput): Address[] {
  const { postcode, municipality } = input.family;
  if (!postcode && !municipality) return [];
  return [
    {
      use: 'home',
      ...(postcode ? { postalCode: postcode } : {}),
      ...(municipality ? { city: municipality } : {}),
      country: input.organisation.region === 'nl' ? 'NL' : 'BE',
    },
  ];
}

/** Children in the order the file lists them; a family always has at least one (the contract requires it). */
export function anchorsFor(input: FhirFamilyInput): Anchors {
  const { family } = input;
  const patients = new Map(family.children.map((c) => [c.id, fhirId('Patient', c.id)]));
  const first = family.children[0];
  const partners = new Map<string, string>();
  for (const r of family.referrals) partners.set(r.partner.id, fhirId('Organization', r.partner.id));
  for (const c of family.consents)
    if (c.recipientPartnerId)
      partners.set(c.recipientPartnerId, fhirId('Organization', c.recipientPartnerId));
  return {
    group: fhirId('Group', family.id),
    organisation: fhirId('Organization', input.organisation.id),
    patients,
    firstChild: first ? (patients.get(first.id) as string) : fhirId('Patient', `${family.id}:none`),
    relatedPersons: new Map(family.caregivers.map((c) => [c.id, fhirId('RelatedPerson', c.id)])),
    encounters: new Map(input.contacts.map(({ contact }) => [contact.id, fhirId('Encounter', contact.id)])),
    partners,
  };
}

/** The child's Patient. An unborn child has no birthDate: its expected date travels in an extension. */
export function patient(input: FhirFamilyInput, a: Anchors, child: Child): Patient {
  const extension: Extension[] = [];
  if (child.dueDate) extension.push({ url: EXTENSIONS.expectedBirthDate, valueDate: child.dueDate });
  if (child.firstChild !== null)
    extension.push({ url: EXTENSIONS.firstChild, valueBoolean: child.firstChild });
  const addr = address(input);
  return {
    resourceType: 'Patient',
    id: a.patients.get(child.id) as string,
    meta: { profile: [PROFILES.patient[input.organisation.region]] },
    ...(extension.length > 0 ? { extension } : {}),
    identifier: personIdentifiers(input, child.id),
    name: [{ use: 'official', family: child.familyName, given: [child.givenName] }],
    ...(child.birthDate ? { birthDate: child.birthDate } : {}),
    ...(addr.length > 0 ? { address: addr } : {}),
    managingOrganization: ref(a.organisation, input.organisation.name),
  };
}

/** A caregiver, related to the first child (the family Group names all of them). */
export function relatedPerson(input: FhirFamilyInput, a: Anchors, c: Caregiver): RelatedPerson {
  const extension: Extension[] = [];
  if (c.birthYear !== null) extension.push({ url: EXTENSIONS.birthYear, valueInteger: c.birthYear });
  if (c.lowEducation !== null) extension.push({ url: EXTENSIONS.lowEducation, valueBoolean: c.lowEducation });
  const role = c.role ? ROLE_CODES[c.role] : undefined;
  const addr = address(input);
  return {
    resourceType: 'RelatedPerson',
    id: a.relatedPersons.get(c.id) as string,
    ...(input.organisation.region === 'nl' ? { meta: { profile: [PROFILES.contactPerson] } } : {}),
    ...(extension.length > 0 ? { extension } : {}),
    identifier: personIdentifiers(input, c.id),
    active: true,
    patient: ref(a.firstChild),
    ...(c.role && role
      ? {
          relationship: [
            {
              coding: [
                { system: HL7.roleCode, code: role.code, display: role.display },
                nw('caregiver-role', c.role),
              ],
            },
          ],
        }
      : {}),
    name: [{ use: 'official', family: c.familyName, given: [c.givenName] }],
    ...(c.phone ? { telecom: [{ system: 'phone' as const, value: c.phone, use: 'home' as const }] } : {}),
    ...(addr.length > 0 ? { address: addr } : {}),
  };
}

/** The family itself: its name and its children, so a receiver sees which Patients belong together. */
export function familyGroup(input: FhirFamilyInput, a: Anchors): Group {
  return {
    resourceType: 'Group',
    id: a.group,
    identifier: [nestwerkId('family', input.family.id)],
    active: true,
    type: 'person',
    actual: true,
    name: input.family.name,
    managingEntity: ref(a.organisation, input.organisation.name),
    quantity: input.family.children.length,
    member: input.family.children.map((c) => ({ entity: ref(a.patients.get(c.id) as string) })),
  };
}

export function organisations(input: FhirFamilyInput, a: Anchors): Organization[] {
  const names = new Map<string, string>();
  for (const r of input.family.referrals) names.set(r.partner.id, r.partner.name);
  for (const c of input.family.consents)
    if (c.recipientPartnerId && !names.has(c.recipientPartnerId))
      names.set(c.recipientPartnerId, c.recipient);
  return [
    {
      resourceType: 'Organization',
      id: a.organisation,
      identifier: [nestwerkId('organisation', input.organisation.id)],
      active: true,
      name: input.organisation.name,
      address: [{ country: input.organisation.region === 'nl' ? 'NL' : 'BE' }],
    },
    ...[...a.partners].map(
      ([partnerId, id]): Organization => ({
        resourceType: 'Organization',
        id,
        identifier: [nestwerkId('partner', partnerId)],
        name: names.get(partnerId) ?? partnerId,
      }),
    ),
  ];
}

const ENCOUNTER_CLASS: Record<string, { code: string; display: string }> = {
  consult: { code: 'AMB', display: 'ambulatory' },
  prenatal_visit: { code: 'HH', display: 'home health' },
  home_visit: { code: 'HH', display: 'home health' },
  phone: { code: 'VR', display: 'virtual' },
};

/** A contact moment: finished when recorded as final, in progress while it is a draft. */
export function encounter(input: FhirFamilyInput, a: Anchors, { contact }: ContactWithAssessment): Encounter {
  const cls = ENCOUNTER_CLASS[contact.type] ?? { code: 'AMB', display: 'ambulatory' };
  return {
    resourceType: 'Encounter',
    id: a.encounters.get(contact.id) as string,
    ...(contact.notes ? { extension: [{ url: EXTENSIONS.contactNotes, valueString: contact.notes }] } : {}),
    identifier: [nestwerkId('contact', contact.id)],
    status: contact.status === 'final' ? 'finished' : 'in-progress',
    class: { system: HL7.actCode, ...cls },
    type: [{ coding: [nw('contact-type', contact.type)] }],
    subject: ref(a.patients.get(contact.childId) ?? a.firstChild),
    ...(contact.professional.displayName
      ? { participant: [{ individual: { display: contact.professional.displayName } }] }
      : {}),
    period: { start: contact.date },
    serviceProvider: ref(a.organisation, input.organisation.name),
  };
}
