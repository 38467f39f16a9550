import { assess, parseAssessmentInput } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { oneOf, parseOptions, readStdin } from '../args.ts';
import { UsageError } from '../cli-error.ts';

export const summary = 'assess [--lang nl|en]   read one AssessmentInput JSON on stdin, print the Assessment';

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { lang: { type: 'string' } });
  const lang = oneOf('--lang', values.lang, ['nl', 'en'] as const, 'nl');
  const raw = await readStdin();
  if (raw.trim() === '')
    throw new UsageError('stdin', 'Expected one AssessmentInput JSON object on stdin; got nothing');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new UsageError('stdin', `Malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseAssessmentInput(json);
  if (!parsed.ok) throw new UsageError(parsed.error.field || 'input', parsed.error.message);
  process.stdout.write(`${JSON.stringify(assess(parsed.value, knowledge, { lang }), null, 2)}\n`);
  return 0;
}
