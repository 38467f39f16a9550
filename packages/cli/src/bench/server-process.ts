import cluster, { type Worker } from 'node:cluster';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp, loadConfig, openDatabase } from '@nestwerk/server';
import { startBareFamilyServer } from '@nestwerk/server/bench';

/**
 * The server under test, in processes of its own (forked by server-child.ts): the bench process and the load
 * generator never share its event loops. One process by default; NESTWERK_BENCH_WORKERS=N runs N workers that
 * share the port (node:cluster, as `nestwerk serve --workers N` does), for the app and the bare baseline
 * alike. On SQLite and this 2-core machine two workers cost twice the CPU per read (docs/operations.md §6), so
 * the figures compared round to round stay those of one process. Talks to its parent only over the IPC
 * channel: the CPU time of all its processes (the primary's included: it hands out the connections) is
 * reported there, never over an HTTP route. argv: <database url> <app|bare>.
 */
type Request = { type: 'cpu' } | { type: 'stop' } | { type: 'profile'; file: string | null };
type Reply =
  | { type: 'ready'; url: string; processes: number }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'profile' };

/**
 * A CPU profile of just the measured window (not start-up, not the other suites): started and stopped by the
 * bench over IPC, written as a .cpuprofile that profile-summary.ts (or Chrome DevTools) reads.
 */
let profiler: Session | null = null;
async function profile(file: string | null): Promise<void> {
  if (file === null) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  if (!profiler) return;
  const { profile: taken } = await profiler.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(taken));
  profiler.disconnect();
  profiler = null;
}

function workerCount(): number {
  const asked = process.env.NESTWERK_BENCH_WORKERS;
  if (asked === undefined || asked === '') return 1;
  const n = Number(asked);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('NESTWERK_BENCH_WORKERS must be a whole number ≥ 1');
  return n;
}

/** One serving process: opens the database, listens, and answers the bench's (or its primary's) requests. */
async function serve(url: string, kind: 'app' | 'bare', send: (reply: Reply) => void): Promise<void> {
  const handle = await openDatabase(url);
  let close: () => Promise<void>;
  let listening: string;
  if (kind === 'app') {
    const config = { ...loadConfig({}), webDist: null };
    // Logging as `nestwerk serve` logs (a line per request); the lines go where the parent sends stdout: nowhere.
    const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, logger: true });
    listening = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  } else {
    const bare = await startBareFamilyServer(handle.db);
    listening = bare.url;
    close = bare.close;
  }
  process.on('message', (message: Request) => {
    if (message.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
    else if (message.type === 'profile') void profile(message.file).then(() => send({ type: 'profile' }));
    else if (message.type === 'stop')
      void close()
        .then(() => handle.close())
        // A normal exit, so that --cpu-prof writes its profile.
        .finally(() => process.exit(0));
  });
  send({ type: 'ready', url: listening, processes: 1 });
}

/** Asks every worker the same thing and waits for all their answers. */
function askAll(workers: Worker[], request: (i: number) => Request): Promise<Reply[]> {
  return Promise.all(
    workers.map(
      (worker, i) =>
        new Promise<Reply>((resolve) => {
          const asked = request(i);
          const onMessage = (reply: Reply) => {
            if (reply.type !== asked.type) return;
            worker.off('message', onMessage);
            resolve(reply);
          };
          worker.on('message', onMessage);
          worker.send(asked);
        }),
    ),
  );
}

/** The primary of several workers: relays the bench's requests to all of them and sums their CPU time. */
async function supervise(count: number, toParent: (reply: Reply) => void): Promise<void> {
  let stopping = false;
  const workers = Array.from({ length: count }, () => cluster.fork());
  for (const worker of workers)
    worker.once('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`bench server worker exited (${code})\n`);
        process.exit(1);
      }
    });
  const ready = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<string>((resolve) =>
          worker.on('message', (reply: Reply) => {
            if (reply.type === 'ready') resolve(reply.url);
          }),
        ),
    ),
  );
  process.on('message', (message: Request) => {
    if (message.type === 'cpu')
      void askAll(workers, () => ({ type: 'cpu' })).then((replies) => {
        const usage = process.cpuUsage();
        for (const reply of replies)
          if (reply.type === 'cpu') {
            usage.user += reply.usage.user;
            usage.system += reply.usage.system;
          }
        toParent({ type: 'cpu', usage });
      });
    else if (message.type === 'profile') {
      // The first worker's profile under the name asked for, the others' beside it.
      const { file } = message;
      const name = (i: number) =>
        file === null || i === 0 ? file : file.replace(/(\.cpuprofile)?$/, `.worker${i + 1}$1`);
      void askAll(workers, (i) => ({ type: 'profile', file: name(i) })).then(() =>
        toParent({ type: 'profile' }),
      );
    } else if (message.type === 'stop') {
      stopping = true;
      void Promise.all(
        workers.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once('exit', resolve)))),
      ).then(() => process.exit(0));
      for (const worker of workers) worker.send({ type: 'stop' });
    }
  });
  toParent({ type: 'ready', url: ready[0] ?? '', processes: workers.length });
}

async function main(): Promise<void> {
  const [url, kind] = process.argv.slice(2);
  if (!url || (kind !== 'app' && kind !== 'bare')) throw new Error('usage: server-process <url> <app|bare>');
  const toParent = (reply: Reply) => process.send?.(reply);
  if (cluster.isWorker) return serve(url, kind, toParent);
  const count = workerCount();
  if (count === 1) return serve(url, kind, toParent);
  return supervise(count, toParent);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
