import { Worker } from 'node:worker_threads';

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
}

/**
 * Plain JavaScript on purpose: a worker thread does not inherit tsx's TypeScript loader. It runs the
 * closed-loop clients on the machine's other core, so the server's event loop is not also the load generator's.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { urls, headers, concurrency, durationMs, warmupMs } = workerData;
(async () => {
  const latencies = [];
  let next = 0;
  let failure = null;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const client = async () => {
    while (failure === null) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const url = urls[next++ % urls.length];
      try {
        const res = await fetch(url, { headers });
        const body = await res.arrayBuffer();
        if (res.status !== 200) failure = 'HTTP ' + res.status + ' for ' + url + ': ' + Buffer.from(body).toString('utf8').slice(0, 200);
      } catch (err) {
        failure = String(err && err.message ? err.message : err);
      }
      if (t0 >= measureFrom) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - measureFrom) / 1000;
  parentPort.postMessage({ latencies, elapsed, failure });
})();
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: options });
    worker.once('error', reject);
    worker.once('message', (m: { latencies: number[]; elapsed: number; failure: string | null }) => {
      void worker.terminate();
      if (m.failure) reject(new Error(m.failure));
      else
        resolve({
          latencies: m.latencies.sort((a, b) => a - b),
          opsPerSecond: m.latencies.length / m.elapsed,
        });
    });
  });
}
