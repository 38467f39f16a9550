import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readlinkSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The real `nestwerk serve` in a child process of its own (the primary, when it has workers). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once its output matches (checked on every chunk); rejects if it exits first or `timeoutMs` passes. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * The pids of its workers: its children that run node. tsx's esbuild service is a child of the primary too,
   * alive while the primary's sources are not in tsx's cache (a fresh clone); a kill meant for a worker must
   * not land on it.
   */
  workerPids(): number[];
  /** SIGKILL to it and all its children (the workers, and tsx's esbuild service if any), if still running (afterAll). */
  kill(): void;
}

/**
 * `node --import tsx`, not the tsx wrapper: a signal sent to `child` must reach the process that serves (or
 * supervises), not a wrapper around it.
 */
export async function startServerProcess(options: {
  databaseUrl: string;
  workers: number;
  /** Default 0: any free port. */
  port?: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/cli/src/main.ts',
      'serve',
      '--port',
      String(options.port ?? 0),
      '--workers',
      String(options.workers),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NESTWERK_DATABASE_URL: options.databaseUrl,
        NESTWERK_HOST: '127.0.0.1',
        NESTWERK_LOG_LEVEL: 'error',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const watchers = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const watcher of watchers) watcher();
      resolve({ code, signal });
    }),
  );
  const waitForOutput = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const stop = () => {
        watchers.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const match = pattern.exec(out);
        if (match) {
          stop();
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          stop();
          reject(new Error(`the server exited before printing ${pattern}:\n${out}`));
        }
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the server did not print ${pattern} within ${timeoutMs / 1000} s:\n${out}`));
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  const children = () => {
    if (child.pid === undefined) return [];
    const listed = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout;
    return listed
      .split('\n')
      .filter((line) => /^\d+$/.test(line.trim()))
      .map(Number);
  };
  // Workers are forked from the primary's own binary. Told by the binary, not the process name: Node 24 names
  // its main thread "MainThread".
  const node = realpathSync(process.execPath);
  const runsNode = (pid: number) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`) === node;
    } catch {
      return false; // gone meanwhile
    }
  };
  const workerPids = () => children().filter(runsNode);
  const kill = () => {
    // The primary first: killed after its workers, it would have forked replacements in between.
    const all = children();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of all) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  try {
    const match = await waitForOutput(/running at http:\/\/[^:]+:(\d+)\//);
    const port = Number(match[1]);
    return {
      child,
      url: `http://127.0.0.1:${port}`,
      port,
      output: () => out,
      waitForOutput,
      exited,
      workerPids,
      kill,
    };
  } catch (err) {
    kill();
    throw err;
  }
}
