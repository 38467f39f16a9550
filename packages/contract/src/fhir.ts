import { z } from 'zod';
import { idParams } from './common.ts';
import { importBundleBody, importResult, transferBody, transferResult } from './fhir-exchange.ts';
import { defineRoute } from './route.ts';

/**
 * FHIR R4 resources pass through whole: their shape is FHIR's (validated against the R4 StructureDefinitions in
 * the server's tests), so the contract checks only what it routes on and keeps every other field.
 */
export const fhirResource = z.looseObject({ resourceType: z.string(), id: z.string().optional() });
export type FhirResource = z.output<typeof fhirResource>;

export const fhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z
    .array(z.looseObject({ fullUrl: z.string().optional(), resource: fhirResource.optional() }))
    .optional(),
});
export type FhirBundle = z.output<typeof fhirBundle>;

export const fhirCodeSystem = z.looseObject({
  resourceType: z.literal('CodeSystem'),
  url: z.string().optional(),
});
export type FhirCodeSystem = z.output<typeof fhirCodeSystem>;
export const fhirCapabilityStatement = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  fhirVersion: z.string().optional(),
});
export type FhirCapabilityStatement = z.output<typeof fhirCapabilityStatement>;

export const fhirCodeSystemParams = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a CodeSystem name such as cue'),
});

export const fhir = {
  familyBundle: defineRoute({
    method: 'GET',
    path: '/api/families/:id/fhir',
    summary: "The family's file as a FHIR R4 Bundle (nl-core or Belgian profiles by region)",
    tags: ['fhir'],
    params: idParams,
    response: fhirBundle,
  }),
  codeSystem: defineRoute({
    method: 'GET',
    path: '/api/fhir/CodeSystem/:name',
    summary: "One of Nestwerk's own CodeSystems (cues, factors, criteria, instruments, interventions, …)",
    tags: ['fhir'],
    auth: 'none',
    params: fhirCodeSystemParams,
    response: fhirCodeSystem,
  }),
  metadata: defineRoute({
    method: 'GET',
    path: '/api/fhir/metadata',
    summary: 'The CapabilityStatement: what of FHIR R4 this server supports',
    tags: ['fhir'],
    auth: 'none',
    response: fhirCapabilityStatement,
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/fhir/import',
    summary: 'Import a family from a FHIR R4 Bundle (idempotent by the child’s BSN/INSZ or the sender’s id)',
    tags: ['fhir'],
    body: importBundleBody,
    response: importResult,
  }),
  transfer: defineRoute({
    method: 'POST',
    path: '/api/families/:id/transfer',
    summary: 'Hand a family over to another organisation (team lead): export, record, end care relationships',
    tags: ['fhir'],
    params: idParams,
    body: transferBody,
    response: transferResult,
    errors: [422],
  }),
};
