import { createHash } from 'node:crypto';
import type { Coding, Reference, Resource } from '@medplum/fhirtypes';
import { nestwerkDisplay } from './code-systems.ts';
import { codeSystemUrl } from './mapping.ts';

/**
 * A resource id derived from what the resource is about (its kind and Nestwerk's own id), in UUID form (RFC 4122
 * name-based layout over SHA-1): the same family exports to the same ids every time, and the ids reveal nothing.
 */
export function fhirId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Entries refer to each other by their fullUrl, which is the urn:uuid form of the id. */
export const fullUrl = (id: string): string => `urn:uuid:${id}`;
/** Typed by where it is used: the target's type is the one the element allows. */
export function ref<T extends Resource>(id: string, display?: string): Reference<T> {
  return { reference: fullUrl(id), ...(display ? { display } : {}) };
}

/** A Coding in one of Nestwerk's CodeSystems, with its Dutch display when the system has the code. */
export function nw(system: string, code: string): Coding {
  const display = nestwerkDisplay(system, code);
  return { system: codeSystemUrl(system), code, ...(display ? { display } : {}) };
}
