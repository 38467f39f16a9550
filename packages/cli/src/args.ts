import { parseArgs } from 'node:util';
import { UsageError } from './cli-error.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

/** Parses options strictly: an unknown flag is a usage error naming the flag, not a crash. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? 'arguments';
    throw new UsageError(flag, message.split('\n')[0] ?? message);
  }
}

export function oneOf<V extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly V[],
  fallback: V,
): V {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError(field, `${field} must be one of ${allowed.join(', ')}; got "${value}"`);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
