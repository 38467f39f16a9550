import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@nestwerk/server';
import type { TestProject } from 'vitest/node';
import { FakeIdp } from '../../packages/server/src/testing/fake-idp.ts';
import { ensureChromium } from './chromium.ts';

/** The client the e2e server is registered as at the test citizen provider (DigiD for the Dutch demo JGZ). */
const CITIZEN_CLIENT = 'nestwerk-e2e-citizen';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    demoPassword: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'packages', 'cli', 'src', 'main.ts');
const log = (line: string) => process.stderr.write(`[e2e setup] ${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): void {
  log(label);
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${label} failed (exit ${result.status}):\n${result.stdout ?? ''}\n${result.stderr ?? ''}`,
    );
  }
}

async function organisationId(databaseUrl: string, name: string): Promise<string> {
  const handle = await openDatabase(databaseUrl);
  try {
    const row = await handle.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await handle.close();
  }
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The server exited (code ${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/health within 90 s:\n${output()}`);
}

/**
 * Once per run: Chromium present, the web app built, and the real server serving it on a fresh temporary
 * SQLite database with 50 demo families — all through the `nestwerk` CLI, as an operator would.
 * E2E_BASE_URL (with E2E_DEMO_PASSWORD) points the tests at an already running server instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium(log);
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    project.provide('demoPassword', process.env.E2E_DEMO_PASSWORD ?? '');
    return async () => {};
  }

  const dir = mkdtempSync(join(tmpdir(), 'nestwerk-e2e-'));
  // A production build of the current sources into this run's own folder, served from there: another
  // build of packages/web/dist during the run (npm start, the bench) cannot change what is tested. Vitest
  // sets NODE_ENV=test, which must not reach the build.
  const webDist = join(dir, 'web');
  run(
    'building the web app (vite build)',
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn', '--outDir', webDist, '--emptyOutDir'],
    { ...process.env, NODE_ENV: 'production' },
    join(root, 'packages', 'web'),
  );
  const demoPassword = `e2e-demo-${Math.random().toString(36).slice(2)}-Pw`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NESTWERK_DATABASE_URL: `file:${join(dir, 'nestwerk.db')}`,
    NESTWERK_DEMO_PASSWORD: demoPassword,
    NESTWERK_HOST: '127.0.0.1',
    NESTWERK_WEB_DIST: webDist,
    NESTWERK_LOG_LEVEL: 'warn',
    // Many log-ins from one address during a run: the limit per address is not what these tests are about.
    NESTWERK_LOGIN_MAX_PER_IP: '10000',
  };
  run('migrating a fresh database (nestwerk migrate)', tsx, [cli, 'migrate'], env);
  run('loading demo data (nestwerk demo --families 50)', tsx, [cli, 'demo', '--families', '50'], env);

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // DigiD for the Dutch demo organisation, played by a sign-in page of our own (e2e/portal-citizen.test.ts).
  const idp = new FakeIdp(CITIZEN_CLIENT);
  await idp.start();
  Object.assign(env, {
    NESTWERK_CITIZEN_OIDC_ISSUER: idp.issuer,
    NESTWERK_CITIZEN_OIDC_CLIENT_ID: CITIZEN_CLIENT,
    NESTWERK_CITIZEN_OIDC_CLIENT_SECRET: 'e2e-secret',
    NESTWERK_CITIZEN_OIDC_REDIRECT_URL: `${baseURL}/api/portal/oidc/callback`,
    NESTWERK_CITIZEN_OIDC_ORGANISATION: await organisationId(
      String(env.NESTWERK_DATABASE_URL),
      'JGZ Veldland',
    ),
  });
  log(`starting the server (nestwerk serve --port ${port})`);
  const server = spawn(tsx, [cli, 'serve', '--port', String(port)], { cwd: root, env, detached: true });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (server.exitCode === null && server.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await idp.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, server, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`server ready at ${baseURL}`);
  project.provide('baseURL', baseURL);
  project.provide('demoPassword', demoPassword);
  return stop;
}
