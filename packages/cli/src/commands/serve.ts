import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import {
  buildApp,
  type Config,
  ConfigError,
  DatabaseUrlError,
  type Db,
  loadConfig,
  loadOrCreateKeyFile,
  migrateToLatest,
  openDatabase,
} from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { superviseWorkers, workerMessages } from './serve-workers.ts';

export const summary =
  'serve [--port N] [--workers N]  migrate the database, then serve the API and web app (PORT, default 8080) from N processes (NESTWERK_WORKERS, default: the number of cores)';

function configFromEnv(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.variable, err.message);
    throw err;
  }
}

function portOption(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535)
    throw new UsageError('--port', `--port must be 0–65535; got "${raw}"`);
  return port;
}

const MAX_WORKERS = 64;

function workersOption(flag: string | undefined, env: string | undefined): number {
  const [field, raw] = flag !== undefined ? ['--workers', flag] : ['NESTWERK_WORKERS', env];
  if (raw === undefined || raw === '') return availableParallelism();
  const workers = Number(raw);
  if (!/^\d+$/.test(raw) || workers < 1 || workers > MAX_WORKERS)
    throw new UsageError(field, `${field} must be 1–${MAX_WORKERS}; got "${raw}"`);
  return workers;
}

async function open(config: Config): Promise<Db> {
  try {
    return await openDatabase(config.databaseUrl);
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new UsageError('NESTWERK_DATABASE_URL', err.message);
    throw err;
  }
}

/**
 * Everything that must happen once, before any process serves: the schema, the audit key (openDatabase
 * makes it) and the secrets key. Workers that each did this on a fresh data folder would race.
 */
async function prepare(config: Config): Promise<Db['dialect']> {
  const handle = await open(config);
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  if (!config.secretsKey) loadOrCreateKeyFile(config.dataDir);
  return handle.dialect;
}

/** Resolves at SIGINT/SIGTERM (or the primary's word); a second signal while shutting down exits at once. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      process.once(signal, () => process.exit(130));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    if (cluster.isWorker)
      process.on('message', (message: unknown) => {
        if (workerMessages.isShutdown(message)) resolve('shutdown');
      });
  });
}

/** One serving process: its own connection (SQLite) or pool (PostgreSQL), drained and closed on shutdown. */
async function serveHere(config: Config, port: number, announce: boolean): Promise<number> {
  const handle = await open(config);
  try {
    const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, logger: true });
    try {
      await app.listen({ port, host: config.host });
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new UsageError('--port', `Port ${port} is already in use; choose another with --port or PORT.`);
      throw err;
    }
    const address = app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    if (cluster.isWorker) process.send?.(workerMessages.ready(bound));
    if (announce) announceRunning(config, bound, handle.dialect, 1);

    const reason = await untilStopped();
    if (announce) process.stdout.write(`\n${reason}: finishing open requests and closing the database…\n`);
    // Stops accepting, answers what is in flight (idle keep-alive connections are closed), then returns.
    await app.close();
    return 0;
  } finally {
    await handle.close();
  }
}

export function announceRunning(config: Config, port: number, dialect: string, processes: number): void {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const many = processes > 1 ? `, ${processes} processes` : '';
  process.stdout.write(
    `\nNestwerk is running at http://${shownHost}:${port}/  (database: ${dialect}${many})\n\n`,
  );
  if (!config.webDist)
    process.stdout.write('The web app has not been built (packages/web/dist); only the API is served.\n');
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { port: { type: 'string' }, workers: { type: 'string' } });
  const config = configFromEnv();
  const port = portOption(values.port, config.port);
  const workers = workersOption(values.workers, process.env.NESTWERK_WORKERS);

  if (cluster.isWorker) {
    try {
      return await serveHere(config, port, false);
    } finally {
      // The IPC channel would keep the process alive; closing it also tells the primary this was no crash.
      cluster.worker?.disconnect();
    }
  }
  const dialect = await prepare(config);
  if (workers === 1) return serveHere(config, port, true);
  return superviseWorkers({
    workers,
    onReady: (bound) => announceRunning(config, bound, dialect, workers),
  });
}
