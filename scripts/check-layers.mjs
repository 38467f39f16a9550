// Keeps dependencies pointing one way; the rule table and its reasons are in scripts/layers.mjs.
import { findLayerProblems } from './layers.mjs';

const root = new URL('..', import.meta.url).pathname;
const problems = findLayerProblems(root, { warn: (line) => process.stdout.write(`${line}\n`) });
if (problems.length > 0) {
  process.stderr.write(`Layering violations:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('layers ok: dependencies point one way; knowledge and engine do no I/O\n');
}
