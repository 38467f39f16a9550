import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerChild {
  url: string;
  /** How many processes serve (NESTWERK_BENCH_WORKERS; the cluster's primary not counted). */
  processes: number;
  /** Microseconds of CPU (user + system) the server process has used so far. */
  cpuMicros(): Promise<number>;
  /** Starts a CPU profile (file null) or stops it and writes it to `file`. */
  profile(file: string | null): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const ENTRY_IN_CHECKOUT = 'packages/cli/src/bench/server-process.ts';

function once<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string } & T) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bench server exited (${code}) before answering '${type}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Starts the real app (or the bare baseline) on `databaseUrl` in a child process. With NESTWERK_BENCH_CPU_PROF
 * set to a directory, the child writes a V8 CPU profile of its whole life there when it stops
 * (`node --cpu-prof`); see also `profile()` for one measured window. `root` runs the server of another
 * checkout (with its own node_modules) instead of this one's: the bench's same-run A/B of two versions (compare.ts).
 */
export async function startServerChild(
  databaseUrl: string,
  kind: 'app' | 'bare',
  options: { root?: string } = {},
): Promise<ServerChild> {
  const profileDir = process.env.NESTWERK_BENCH_CPU_PROF;
  const own = options.root === undefined;
  const child = fork(own ? ENTRY : join(options.root as string, ENTRY_IN_CHECKOUT), [databaseUrl, kind], {
    // tsx's loader flags come with process.execArgv under `npm run bench`; a test runner has its own loader,
    // so the child is given tsx explicitly, as is another checkout's server, from that checkout (its cwd).
    // The profile flags only when asked for.
    ...(own ? {} : { cwd: options.root }),
    execArgv: [
      ...(own && process.execArgv.some((flag) => flag.includes('tsx'))
        ? process.execArgv
        : ['--import', 'tsx']),
      // No --cpu-prof-name: tsx's loader thread writes a profile too, and one name would overwrite the other.
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${kind}`] : []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Measured as deployed: production writes response bodies with the compiled serializer (response-serializer.ts).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const { url, processes } = await once<{ url: string; processes: number }>(child, 'ready');
  return {
    url,
    processes,
    async cpuMicros() {
      const answer = once<{ usage: NodeJS.CpuUsage }>(child, 'cpu');
      child.send({ type: 'cpu' });
      const { usage } = await answer;
      return usage.user + usage.system;
    },
    async profile(file) {
      const answer = once<object>(child, 'profile');
      child.send({ type: 'profile', file });
      await answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
