import type { FieldIssue } from './common.ts';

/** One schema issue as fastify-type-provider-zod hands it over (zod's code as `keyword`, the path, the rest). */
export interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

type Params = NonNullable<FieldIssue['params']>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function limit(name: 'max' | 'min', value: unknown, inclusive: unknown): Params | undefined {
  const n = num(value);
  if (n === undefined) return undefined;
  // `<` 5 is `<=` 4 for whole numbers and lengths, which are the limits people read.
  return { [name]: inclusive === false ? n + (name === 'max' ? -1 : 1) : n };
}

/** `/children/0/birthDate` → `children.0.birthDate`. */
export function pathOf(issue: ValidationIssue): string {
  return (issue.instancePath ?? '').split('/').filter(Boolean).join('.');
}

/**
 * A zod issue in stable words a client can translate: the code names what is wrong (too_long, required,
 * invalid_date, …), never how zod phrases it, so a new zod version cannot change what a nurse reads.
 */
export function toFieldIssue(issue: ValidationIssue, context: string | undefined): FieldIssue {
  const p = issue.params ?? {};
  const path = pathOf(issue) || context || 'body';
  const origin = p.origin;
  const at = (code: string, params?: Params): FieldIssue =>
    params ? { path, code, params } : { path, code };
  switch (issue.keyword) {
    case 'invalid_type':
      return at(/received undefined$/.test(issue.message ?? '') ? 'required' : 'invalid_type');
    case 'too_big': {
      const params = limit('max', p.maximum, p.inclusive);
      if (origin === 'string') return at('too_long', params);
      if (origin === 'array' || origin === 'set' || origin === 'map') return at('too_many', params);
      return at('too_large', params);
    }
    case 'too_small': {
      const params = limit('min', p.minimum, p.inclusive);
      const min = params?.min;
      if ((origin === 'string' || origin === 'array') && min === 1) return at('required');
      if (origin === 'string') return at('too_short', params);
      if (origin === 'array' || origin === 'set' || origin === 'map') return at('too_few', params);
      return at('too_small', params);
    }
    case 'invalid_format':
      if (p.format === 'email') return at('invalid_email');
      if (p.format === 'uuid' || p.format === 'guid') return at('invalid_choice');
      return at('invalid_format');
    case 'invalid_value':
    case 'invalid_enum_value':
      return at('invalid_choice');
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.filter((k): k is string => typeof k === 'string') : [];
      return at('unknown_field', { keys: keys.join(', ') });
    }
    case 'custom': {
      const own = (p.params as Record<string, unknown> | undefined)?.code;
      return at(typeof own === 'string' ? own : 'invalid');
    }
    default:
      return at('invalid');
  }
}

/** A zod issue met outside a route's schema (a CSV row checked against the API's schema). */
export function fromZodIssue(issue: {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
}): Omit<FieldIssue, 'path'> {
  const { code, path, message, ...params } = issue;
  const mapped = toFieldIssue(
    { keyword: code, instancePath: `/${path.map(String).join('/')}`, message, params },
    undefined,
  );
  return mapped.params ? { code: mapped.code, params: mapped.params } : { code: mapped.code };
}

/** Every issue once per field and code: a union reports the same miss for each of its options. */
export function toFieldIssues(issues: readonly ValidationIssue[], context: string | undefined): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const mapped = toFieldIssue(issue, context);
    const key = `${mapped.path}\u0000${mapped.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mapped);
  }
  return out;
}
