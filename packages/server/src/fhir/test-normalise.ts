import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { NESTWERK_FHIR_BASE } from './mapping.ts';

/**
 * A Bundle as two databases can agree on it: every id, fullUrl, reference and Nestwerk id value renumbered in
 * the order it first appears (so the shape of who points at whom stays compared), and the moments of the
 * export itself (meta.lastUpdated, Bundle.timestamp, Provenance.recorded) left out. Everything else is kept.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const NAMING = `${NESTWERK_FHIR_BASE}/NamingSystem/`;

export function normaliseBundle(bundle: Bundle): Json {
  const numbers = new Map<string, string>();
  const renumber = (id: string) => {
    const hit = numbers.get(id);
    if (hit) return hit;
    const next = `#${numbers.size + 1}`;
    numbers.set(id, next);
    return next;
  };
  const uuidOf = (ref: string) => (ref.startsWith('urn:uuid:') ? ref.slice('urn:uuid:'.length) : ref);
  const walk = (v: unknown, key: string | null): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (!isObject(v)) return v;
    const out: Json = {};
    const isNestwerkId = typeof v.system === 'string' && v.system.startsWith(NAMING);
    for (const [k, x] of Object.entries(v)) {
      if (k === 'lastUpdated' || (k === 'recorded' && v.resourceType === 'Provenance')) continue;
      if ((k === 'id' || k === 'fullUrl' || k === 'reference') && typeof x === 'string')
        out[k] = renumber(uuidOf(x));
      else if (k === 'value' && isNestwerkId && typeof x === 'string') out[k] = renumber(x);
      else out[k] = walk(x, k);
    }
    if (isObject(out.meta) && Object.keys(out.meta).length === 0) delete out.meta;
    return out;
  };
  const { timestamp: _t, id: _id, identifier: _i, meta: _m, entry, ...rest } = bundle;
  return { ...rest, entry: walk(entry ?? [], 'entry') };
}

/** The entries whose resource passes `keep`, with the Provenance's targets cut to what is kept. */
export function keepEntries(bundle: Bundle, keep: (r: Resource) => boolean): Bundle {
  const kept = (bundle.entry ?? []).filter((e): e is BundleEntry & { resource: Resource } =>
    e.resource ? keep(e.resource) : false,
  );
  const urls = new Set(kept.map((e) => e.fullUrl));
  return {
    ...bundle,
    entry: kept.map((e) =>
      e.resource.resourceType === 'Provenance'
        ? {
            ...e,
            resource: { ...e.resource, target: e.resource.target.filter((t) => urls.has(t.reference)) },
          }
        : e,
    ),
  };
}
