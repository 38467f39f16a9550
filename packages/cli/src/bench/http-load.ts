import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadOptions {
  /** Requested round-robin by the clients (GET, status 200 expected, body read in full). */
  urls: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

export interface LoadResult {
  /** Sorted, in milliseconds, of the requests started after the warm-up. */
  latencies: number[];
  opsPerSecond: number;
  /** Every request answered, warm-up included: the divisor for the server's CPU time over the whole run. */
  requests: number;
}

/**
 * How long a fresh server process is loaded before anything is counted: until V8 has optimised its hot paths.
 * Measured on the family read (16 clients, 2 cores, 1 s windows from the start): the server's CPU per request
 * was 1,549, 1,197, 803, 732, 665, 652, 599 µs, then 555–615 µs from the seventh second on. A server serves
 * for days, so the figures are of the warm process; the bare baseline gets the same warm-up, so the ratio stays fair.
 */
export function jitWarmupMs(quick: boolean): number {
  return quick ? 6_000 : 10_000;
}

const GENERATOR = fileURLToPath(new URL('./load-process.mjs', import.meta.url));

/**
 * Runs closed-loop keep-alive clients in a separate Node process (load-process.mjs): the load generator
 * shares no event loop with the server under test, nor with the bench process that collects the figures.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(GENERATOR, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited (${code}) without an answer`));
    });
    child.once(
      'message',
      (m: { latencies: number[]; elapsed: number; requests: number; failure: string | null }) => {
        answered = true;
        if (m.failure) reject(new Error(m.failure));
        else
          resolve({
            latencies: m.latencies.sort((a, b) => a - b),
            opsPerSecond: m.latencies.length / m.elapsed,
            requests: m.requests,
          });
      },
    );
    child.send(options);
  });
}
