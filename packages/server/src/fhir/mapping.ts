/**
 * The fixed names of Nestwerk's FHIR exchange: canonical URLs of its own CodeSystems, Questionnaires and
 * extensions, the national identifier systems and the regional profiles. The export writes them and the import
 * reads them, so both live here. Canonical URLs are names, not addresses: they stay the same whichever server
 * publishes them (a server serves its copy at /api/fhir/CodeSystem/:name).
 */

export const FHIR_VERSION = '4.0.1';

/** The root of every canonical URL Nestwerk defines. */
export const NESTWERK_FHIR_BASE = 'https://nestwerk.nl/fhir';

export const codeSystemUrl = (name: string): string => `${NESTWERK_FHIR_BASE}/CodeSystem/${name}`;
export const questionnaireUrl = (instrumentId: string): string =>
  `${NESTWERK_FHIR_BASE}/Questionnaire/${instrumentId}`;
export const extensionUrl = (name: string): string => `${NESTWERK_FHIR_BASE}/StructureDefinition/${name}`;

/** Nestwerk's own ids, carried as identifiers so that an import can recognise what it saw before. */
export const NESTWERK_ID_SYSTEMS = {
  family: `${NESTWERK_FHIR_BASE}/NamingSystem/family-id`,
  person: `${NESTWERK_FHIR_BASE}/NamingSystem/person-id`,
  contact: `${NESTWERK_FHIR_BASE}/NamingSystem/contact-id`,
  organisation: `${NESTWERK_FHIR_BASE}/NamingSystem/organisation-id`,
  partner: `${NESTWERK_FHIR_BASE}/NamingSystem/partner-id`,
  agreement: `${NESTWERK_FHIR_BASE}/NamingSystem/agreement-id`,
  consent: `${NESTWERK_FHIR_BASE}/NamingSystem/consent-id`,
  referral: `${NESTWERK_FHIR_BASE}/NamingSystem/referral-id`,
  screening: `${NESTWERK_FHIR_BASE}/NamingSystem/screening-id`,
  instrumentResponse: `${NESTWERK_FHIR_BASE}/NamingSystem/instrument-response-id`,
  bundle: `${NESTWERK_FHIR_BASE}/NamingSystem/export-id`,
} as const;

/** The national person identifiers (the Dutch BSN, the Belgian INSZ / SSIN), by the family's region. */
export const NATIONAL_ID_SYSTEM = {
  nl: 'http://fhir.nl/fhir/NamingSystem/bsn',
  be: 'https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin',
} as const;

export const PROFILES = {
  patient: {
    nl: 'http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient',
    be: 'https://www.ehealth.fgov.be/standards/fhir/core/StructureDefinition/be-patient',
  },
  /** Dutch only: the Belgian core profiles define no profile on RelatedPerson. */
  contactPerson: 'http://nictiz.nl/fhir/StructureDefinition/nl-core-ContactPerson',
} as const;

export const LOINC = 'http://loinc.org';
/**
 * LOINC totals where the code is certain: GAD-7 and PHQ-9 total scores. The EPDS, Whooley and GAD-2 totals
 * carry only Nestwerk's own code (docs/fhir.md says why).
 */
export const LOINC_TOTALS: Partial<Record<string, { code: string; display: string }>> = {
  gad_7: {
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
  phq_9: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
};

/** HL7 terminology used for structural codes. */
export const HL7 = {
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
} as const;

/** Nestwerk's extensions: Nestwerk facts no core element holds (each named in docs/fhir.md). */
export const EXTENSIONS = {
  expectedBirthDate: extensionUrl('expected-birth-date'),
  firstChild: extensionUrl('first-child'),
  birthYear: extensionUrl('birth-year'),
  lowEducation: extensionUrl('low-education'),
  contactNotes: extensionUrl('contact-notes'),
  referralStatus: extensionUrl('referral-status'),
  feedbackDue: extensionUrl('referral-feedback-due'),
  consentPurpose: extensionUrl('consent-purpose'),
  consentStatus: extensionUrl('consent-status'),
  consentWithdrawnAt: extensionUrl('consent-withdrawn-at'),
  agreementNextTopic: extensionUrl('agreement-next-topic'),
  knowledgeVersion: extensionUrl('knowledge-version'),
} as const;

/** v3 RoleCode for a caregiver role; roles without a precise code map to the general one. */
export const ROLE_CODES: Record<string, { code: string; display: string }> = {
  mother: { code: 'MTH', display: 'mother' },
  father: { code: 'FTH', display: 'father' },
  co_parent: { code: 'PRN', display: 'parent' },
  foster_parent: { code: 'PRNFOST', display: 'foster parent' },
  adoptive_parent: { code: 'ADOPTP', display: 'adoptive parent' },
  step_parent: { code: 'STPPRN', display: 'step parent' },
  grandparent: { code: 'GRPRN', display: 'grandparent' },
  guardian: { code: 'GUARD', display: 'guardian' },
  other: { code: 'FAMMEMB', display: 'family member' },
};
