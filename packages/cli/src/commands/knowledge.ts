import { knowledge } from '@nestwerk/knowledge';
import { parseOptions } from '../args.ts';

export const summary =
  'knowledge                print the knowledge base (codes, labels, levels, sources) as JSON';

export async function run(args: string[]): Promise<number> {
  parseOptions(args, {});
  process.stdout.write(`${JSON.stringify(knowledge, null, 2)}\n`);
  return 0;
}
