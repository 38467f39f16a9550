import type { Bundle, Resource } from '@medplum/fhirtypes';
import { carePlan, consent, provenance, serviceRequest } from './export-care.ts';
import {
  contactObservations,
  instrumentResources,
  questionnaires,
  screeningResources,
} from './export-observations.ts';
import {
  anchorsFor,
  encounter,
  familyGroup,
  organisations,
  patient,
  relatedPerson,
} from './export-people.ts';
import { fhirId, fullUrl } from './ids.ts';
import type { FhirFamilyInput } from './input.ts';
import { NESTWERK_ID_SYSTEMS } from './mapping.ts';

export type { FhirFamilyInput } from './input.ts';

/**
 * One family's file as a FHIR R4 Bundle of type `collection`: a set of resources handed over together, not an
 * attested document (no Composition, no signature), and not a transaction (the receiver decides how to store
 * it). Entries point at each other by `urn:uuid:` fullUrls, so the Bundle stands on its own. Pure: the same
 * input gives the same Bundle, ids included.
 */
export function exportBundle(input: FhirFamilyInput): Bundle {
  const a = anchorsFor(input);
  const { family } = input;
  const screenings = family.screenings.flatMap((p) => p.screenings);
  const used = new Set<string>([
    ...screenings.map((s) => s.instrument),
    ...family.instrumentResults.map((r) => r.instrumentId),
  ]);
  const resources: Resource[] = [
    familyGroup(input, a),
    ...organisations(input, a),
    ...family.children.map((c) => patient(input, a, c)),
    ...family.caregivers.map((c) => relatedPerson(input, a, c)),
    ...input.contacts.map((c) => encounter(input, a, c)),
    ...input.contacts.flatMap((c) => contactObservations(a, c)),
    ...questionnaires(used),
    ...screenings.flatMap((s) => screeningResources(input, a, s)),
    ...family.instrumentResults.flatMap((r) => instrumentResources(input, a, r)),
    ...family.agreements.map((ag) => carePlan(input, a, ag)),
    ...family.referrals.map((r) => serviceRequest(input, a, r)),
    ...family.consents.map((c) => consent(input, a, c)),
  ];
  const ids = resources.map((r) => r.id as string);
  resources.push(provenance(input, a, ids));
  return {
    resourceType: 'Bundle',
    id: fhirId('Bundle', family.id, input.exportedAt),
    meta: { lastUpdated: input.exportedAt },
    identifier: { system: NESTWERK_ID_SYSTEMS.bundle, value: fhirId('Bundle', family.id, input.exportedAt) },
    type: 'collection',
    timestamp: input.exportedAt,
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource.id as string), resource })),
  };
}
