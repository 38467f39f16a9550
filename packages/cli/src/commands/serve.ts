import {
  buildApp,
  type Config,
  ConfigError,
  DatabaseUrlError,
  loadConfig,
  migrateToLatest,
  openDatabase,
} from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';

export const summary =
  'serve [--port N]         migrate the database, then serve the API and web app (PORT, default 8080)';

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

/** Resolves at SIGINT/SIGTERM; a second signal while shutting down exits at once. */
function untilSignalled(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      process.once(signal, () => process.exit(130));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { port: { type: 'string' } });
  const config = configFromEnv();
  const port = portOption(values.port, config.port);

  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase(config.databaseUrl);
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new UsageError('NESTWERK_DATABASE_URL', err.message);
    throw err;
  }
  try {
    await migrateToLatest(handle);
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
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    process.stdout.write(
      `\nNestwerk is running at http://${shownHost}:${bound}/  (database: ${handle.dialect})\n\n`,
    );
    if (!config.webDist)
      process.stdout.write('The web app has not been built (packages/web/dist); only the API is served.\n');

    const signal = await untilSignalled();
    process.stdout.write(`\n${signal}: finishing open requests and closing the database…\n`);
    await app.close();
    return 0;
  } finally {
    await handle.close();
  }
}
