import cluster, { type Worker } from 'node:cluster';

/** What the primary and its workers say to each other over the cluster's IPC channel. */
interface Ready {
  nestwerk: 'ready';
  port: number;
}
interface Shutdown {
  nestwerk: 'shutdown';
}

export const workerMessages = {
  ready: (port: number): Ready => ({ nestwerk: 'ready', port }),
  shutdown: { nestwerk: 'shutdown' } as Shutdown,
  isReady: (m: unknown): m is Ready =>
    typeof m === 'object' &&
    m !== null &&
    (m as Ready).nestwerk === 'ready' &&
    typeof (m as Ready).port === 'number',
  isShutdown: (m: unknown): m is Shutdown =>
    typeof m === 'object' && m !== null && (m as Shutdown).nestwerk === 'shutdown',
};

/**
 * A replacement that dies before it serves, this many times in a row, means something is wrong that restarting
 * will not fix (the database went away, the port was taken): give up instead of forking forever.
 */
const MAX_EARLY_DEATHS = 5;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * The primary of `serve --workers N` (N ≥ 2): forks N workers that share the listening port (node:cluster
 * hands connections out round-robin), announces once all serve, replaces a worker that dies while nobody asked
 * it to stop (a crash, an out-of-memory kill, kill -9), and on SIGTERM/SIGINT tells every worker to drain its
 * open requests and close its database, then returns when the last one is gone. The primary itself never
 * opens the database while serving, so it has nothing to drain.
 */
export function superviseWorkers(options: { workers: number; onReady(port: number): void }): Promise<number> {
  return new Promise((resolve) => {
    const live = new Map<number, Worker>();
    const serving = new Set<number>();
    let announced = false;
    let stopping = false;
    let exitCode = 0;
    let earlyDeaths = 0;

    const fork = () => {
      const worker = cluster.fork();
      live.set(worker.id, worker);
    };
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      for (const worker of live.values()) if (worker.isConnected()) worker.send(workerMessages.shutdown);
      if (live.size === 0) resolve(exitCode);
    };

    cluster.on('message', (worker, message: unknown) => {
      if (!workerMessages.isReady(message)) return;
      // Still starting when the shutdown was sent: it had no listener yet, so say it again.
      if (stopping) {
        worker.send(workerMessages.shutdown);
        return;
      }
      serving.add(worker.id);
      earlyDeaths = 0;
      if (announced) say(`worker ${worker.process.pid} serving`);
      else if (serving.size === options.workers) {
        announced = true;
        options.onReady(message.port);
      }
    });

    cluster.on('exit', (worker, code, signal) => {
      live.delete(worker.id);
      const served = serving.delete(worker.id);
      if (stopping) {
        if (live.size === 0) resolve(exitCode);
        return;
      }
      if (!served) {
        earlyDeaths += 1;
        // Before the first announcement a failing worker is a failing start (its error is on stderr already).
        if (!announced || earlyDeaths >= MAX_EARLY_DEATHS) {
          say(`worker ${worker.process.pid} could not start (exit ${signal ?? code}); stopping`);
          stopAll(code || 1);
          return;
        }
      }
      say(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting a new one`);
      fork();
    });

    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal: stop now, drained or not.
        for (const worker of live.values()) worker.process.kill('SIGKILL');
        process.exit(130);
      }
      say(`\n${signal}: finishing open requests in ${live.size} workers and closing the database…`);
      stopAll(0);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    for (let i = 0; i < options.workers; i++) fork();
  });
}
