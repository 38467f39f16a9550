import { nestwerkCodeSystem } from './code-systems.ts';
import { array, isObject } from './import-references.ts';
import { codeSystemUrl } from './mapping.ts';

/**
 * The way back from a Coding to a Nestwerk code: the same CodeSystems the export writes its codes from
 * (code-systems.ts), so a code the export can write is exactly a code the import accepts. `undefined` when the
 * concept carries no coding in that system; `null` when it does but the code is not one Nestwerk knows.
 */
export function nestwerkCode(name: string, concept: unknown): string | null | undefined {
  const url = codeSystemUrl(name);
  const codings = isObject(concept) ? array(concept.coding) : [];
  const coding = codings.find((c) => isObject(c) && c.system === url);
  if (!isObject(coding)) return undefined;
  const known = nestwerkCodeSystem(name)?.concept?.some((c) => c.code === coding.code) ?? false;
  return known && typeof coding.code === 'string' ? coding.code : null;
}

/** The Nestwerk code of a Coding itself (an extension's valueCoding), by the same rule. */
export function nestwerkCodingCode(name: string, coding: unknown): string | null | undefined {
  return nestwerkCode(name, { coding: [coding] });
}
