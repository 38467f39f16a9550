// `npm test` step: the initial JavaScript of the web app (log-in and worklist, gzip) stays within its budget.
// The measurement is the web bench's own (packages/cli/src/bench/web-size.ts), so the two never disagree.
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs } from '../packages/cli/src/bench/web-size.ts';

const { bytes, files } = measureInitialJs();
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
if (bytes > INITIAL_JS_BUDGET_BYTES) {
  process.stderr.write(
    `initial JS is ${kb(bytes)} gzip in ${files.length} chunks, over the budget of ${kb(INITIAL_JS_BUDGET_BYTES)}: ` +
      `look for a heavy import (zod, the contract, a chart library) reaching the entry, log-in or worklist chunk\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(
    `initial JS ${kb(bytes)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)}), ${files.length} chunks\n`,
  );
}
