import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { KNOWLEDGE_VERSION } from '@nestwerk/knowledge';
import { CODE_SYSTEM_NAMES } from './code-systems.ts';
import { codeSystemUrl, FHIR_VERSION, NESTWERK_FHIR_BASE, PROFILES } from './mapping.ts';

/**
 * What this server does with FHIR R4, said honestly: it is not a FHIR server with a REST API per resource type.
 * It exports one family file as a Bundle, imports one, publishes its CodeSystems, and answers this statement.
 * The statement is the same for every caller (no data, no organisation names), so it needs no login.
 */
export function capabilityStatement(date: string): CapabilityStatement {
  const profiled = (
    type: CapabilityStatementRestResource['type'],
    profiles: string[],
    documentation: string,
  ): CapabilityStatementRestResource => ({
    type,
    ...(profiles.length > 0 ? { supportedProfile: profiles } : {}),
    documentation,
  });
  return {
    resourceType: 'CapabilityStatement',
    url: `${NESTWERK_FHIR_BASE}/CapabilityStatement/nestwerk`,
    version: KNOWLEDGE_VERSION,
    name: 'NestwerkCapabilityStatement',
    title: 'Nestwerk FHIR R4 exchange',
    status: 'active',
    experimental: false,
    date,
    publisher: 'Nestwerk',
    description:
      'Exchange of a JGZ / Kind en Gezin family file: export as a Bundle of type collection ' +
      '(GET /api/families/{id}/fhir), import of such a Bundle (POST /api/fhir/import), and Nestwerk’s own ' +
      'CodeSystems (GET /api/fhir/CodeSystem/{name}). Resources are not addressable one by one.',
    kind: 'instance',
    software: { name: 'Nestwerk', version: KNOWLEDGE_VERSION },
    fhirVersion: FHIR_VERSION as CapabilityStatement['fhirVersion'],
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Every call needs a logged-in professional with a care relationship to the family, except this ' +
          'statement and the CodeSystems. Every export and import is written to the audit log (NEN 7513).',
        security: {
          cors: false,
          description: 'Session cookie with a second factor (TOTP) or OpenID Connect; see docs/api.md.',
        },
        resource: [
          profiled('Bundle', [], 'type collection: one family file, exported and imported whole.'),
          profiled(
            'Patient',
            [PROFILES.patient.nl, PROFILES.patient.be],
            'The child (born or unborn): nl-core-Patient for Dutch organisations, BePatient for Flemish ones.',
          ),
          profiled('RelatedPerson', [PROFILES.contactPerson], 'Each caregiver with its role.'),
          profiled('Group', [], 'The family: its name and its children.'),
          profiled('Organization', [], 'The organisation holding the file and the partners referred to.'),
          profiled('Encounter', [], 'Each contact moment.'),
          profiled(
            'Observation',
            [],
            'Cues, factors, criteria, estimates, screening totals, instrument scores.',
          ),
          profiled('Questionnaire', [], 'The instruments Nestwerk ships, as far as their licence allows.'),
          profiled('QuestionnaireResponse', [], 'Instrument and screening answers.'),
          profiled('CarePlan', [], 'Agreements with the parents and the follow-up they plan.'),
          profiled('ServiceRequest', [], 'Referrals, with their status.'),
          profiled('Consent', [], 'Consents to share: recipient, purpose, scope, period, withdrawal.'),
          profiled('Provenance', [], 'Who assembled the export, and when.'),
          {
            type: 'CodeSystem',
            documentation: `Read by name at /api/fhir/CodeSystem/{name}: ${CODE_SYSTEM_NAMES.map(codeSystemUrl).join(', ')}.`,
            interaction: [{ code: 'read' }],
          },
        ],
        operation: [
          {
            name: 'export',
            definition: `${NESTWERK_FHIR_BASE}/OperationDefinition/family-export`,
            documentation: 'GET /api/families/{id}/fhir: the family file as a Bundle (an audited read).',
          },
          {
            name: 'import',
            definition: `${NESTWERK_FHIR_BASE}/OperationDefinition/family-import`,
            documentation:
              'POST /api/fhir/import with a Bundle shaped like the export: creates the family, all or nothing, ' +
              'idempotent by identifier; invalid entries are reported by name.',
          },
        ],
      },
    ],
  };
}
