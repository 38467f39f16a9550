import type { ImportIssue } from './import-bundle.ts';

/**
 * The entries of a Bundle and how they point at each other. An export refers by `urn:uuid:` fullUrl; a Bundle
 * from elsewhere may use `Type/id`. Both resolve to the entry's index, so a reference to nothing (or to the
 * wrong kind of resource) is reported on the entry that holds it.
 */

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

export interface Entry {
  index: number;
  resource: Json;
  type: string;
}

export class BundleIndex {
  readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();

  constructor(bundle: Json) {
    for (const [index, raw] of array(bundle.entry).entries()) {
      if (!isObject(raw) || !isObject(raw.resource) || typeof raw.resource.resourceType !== 'string')
        continue;
      const entry: Entry = { index, resource: raw.resource, type: raw.resource.resourceType };
      this.entries.push(entry);
      const full = str(raw.fullUrl);
      if (full) this.byKey.set(full, entry);
      const id = str(raw.resource.id);
      if (id) this.byKey.set(`${entry.type}/${id}`, entry);
    }
  }

  ofType(type: string): Entry[] {
    return this.entries.filter((e) => e.type === type);
  }

  /** The entry a Reference points at, when it is one of `types`. */
  resolve(reference: unknown, types: readonly string[]): Entry | undefined {
    if (!isObject(reference)) return undefined;
    const key = str(reference.reference);
    const hit = key ? this.byKey.get(key) : undefined;
    return hit && types.includes(hit.type) ? hit : undefined;
  }
}

/** Collects what is wrong with one entry, with the entry's index and type in every issue. */
export class EntryIssues {
  constructor(
    private readonly entry: Entry,
    private readonly into: ImportIssue[],
  ) {}

  fail(path: string, code: string): null {
    this.into.push({
      entry: this.entry.index,
      resourceType: this.entry.type,
      path: `${this.entry.type}${path}`,
      code,
    });
    return null;
  }
}
