// `npm start` on a fresh clone: install what is missing, build the web app when stale, migrate, load the demo
// data once into the embedded database, serve, and print the URL with the demo log-ins.
import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { nodeSupport } from './node-support.mjs';

const root = new URL('..', import.meta.url).pathname;
const at = (...parts) => join(root, ...parts);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const DEMO_FAMILIES = process.env.NESTWERK_DEMO_FAMILIES ?? '500';
const DEMO_ACCOUNTS = [
  ['verpleegkundige@demo.nestwerk.test', 'JGZ nurse'],
  ['jeugdarts@demo.nestwerk.test', 'JGZ physician'],
  ['teamleider@demo.nestwerk.test', 'team lead'],
  ['imh@demo.nestwerk.test', 'IMH specialist (partner organisation)'],
  ['beheer@demo.nestwerk.test', 'application manager'],
  ['gemeente@demo.nestwerk.test', 'municipality analyst'],
  ['verpleegkundige.be@demo.nestwerk.test', 'Kind en Gezin nurse (Flanders)'],
  ['teamverantwoordelijke.be@demo.nestwerk.test', 'Kind en Gezin team lead (Flanders)'],
  ['imh.be@demo.nestwerk.test', 'IMH team of a CGG (Flanders)'],
  ['beheer.be@demo.nestwerk.test', 'Kind en Gezin application manager (Flanders)'],
  ['gemeente.be@demo.nestwerk.test', 'local government analyst (Flanders)'],
  ['ouder@demo.nestwerk.test', 'parent, at /portaal'],
  ['ouder.be@demo.nestwerk.test', 'parent (Flanders), at /portaal'],
];

function step(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
}

function nestwerk(args, env = {}) {
  run(
    process.execPath,
    [at('node_modules', 'tsx', 'dist', 'cli.mjs'), at('packages/cli/src/main.ts'), ...args],
    env,
  );
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of any file under the given paths (node_modules and dist skipped). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      return;
    }
    for (const name of readdirSync(path))
      if (name !== 'node_modules' && name !== 'dist') visit(join(path, name));
  };
  for (const path of paths) visit(path);
  return latest;
}

function installIfNeeded() {
  const marker = at('node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(at('package-lock.json'))) return;
  step('Installing dependencies (npm install)');
  run(npm, ['install', '--no-audit', '--no-fund']);
}

function buildWebIfStale() {
  const web = at('packages', 'web');
  if (!existsSync(join(web, 'package.json'))) return;
  const scripts = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.build) return;
  const built = mtime(join(web, 'dist', 'index.html'));
  // The web app bundles the engine and the knowledge base, so their changes make the build stale too.
  const sources = newest([web, at('packages', 'engine', 'src'), at('packages', 'knowledge', 'src')]);
  if (built > 0 && built >= sources) return;
  step('Building the web app');
  run(npm, ['run', 'build', '--workspace=packages/web']);
}

/** No 0/O or 1/l/i: it is read off a terminal and typed into a log-in form. */
function generatePassword() {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** NESTWERK_DEMO_PASSWORD, else the one generated at the first start (data/demo-password.txt, mode 600). */
function demoPassword() {
  if (process.env.NESTWERK_DEMO_PASSWORD)
    return { password: process.env.NESTWERK_DEMO_PASSWORD, stored: false };
  const file = at('data', 'demo-password.txt');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), stored: true };
  mkdirSync(at('data'), { recursive: true, mode: 0o700 });
  const password = generatePassword();
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, stored: true };
}

/** Asks the database itself (through the server package), so it works for whatever NESTWERK_DATABASE_URL says. */
function hasDemoData() {
  const probe = `
    const server = await import('@nestwerk/server');
    const handle = await server.openDatabase();
    try {
      const has = server.hasDemoData
        ? await server.hasDemoData(handle.db)
        : (await handle.db.selectFrom('users').select('id').where('is_demo', '=', 1).limit(1).execute()).length > 0;
      process.stdout.write(has ? 'yes' : 'no');
    } finally {
      await handle.close();
    }`;
  const result = spawnSync(
    process.execPath,
    [at('node_modules', 'tsx', 'dist', 'cli.mjs'), '--input-type=module', '-e', probe],
    {
      cwd: root,
      encoding: 'utf8',
      env: process.env,
    },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.stderr.write('\n✗ Could not read the database to see whether the demo data is loaded.\n');
    process.exit(1);
  }
  return result.stdout.trim().endsWith('yes');
}

async function waitForHealth(url, child) {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(new URL('/api/health', url));
      if (res.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function banner(url, password) {
  const width = Math.max(...DEMO_ACCOUNTS.map(([email]) => email.length));
  const lines = [
    '',
    '────────────────────────────────────────────────────────────────────────',
    `  Nestwerk is running at ${url}`,
    '',
    '  Demo log-ins (synthetic data only; demo accounts need no second factor):',
    ...DEMO_ACCOUNTS.map(([email, role]) => `    ${email.padEnd(width)}  ${role}`),
    `  Password: ${password ?? '(the NESTWERK_DEMO_PASSWORD used when the demo data was loaded)'}`,
    '',
    '  Stop with Ctrl+C.',
    '────────────────────────────────────────────────────────────────────────',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Before anything else: an unsupported Node fails later in confusing ways, so say so and what to install. */
function checkNodeVersion() {
  const { level, message } = nodeSupport(process.version);
  if (level === 'ok') return;
  const rule = '─'.repeat(72);
  process.stderr.write(`\n${rule}\n  ${level === 'fail' ? '✗' : '⚠'} ${message}\n${rule}\n`);
  if (level === 'fail') process.exit(1);
}

async function main() {
  checkNodeVersion();
  installIfNeeded();
  buildWebIfStale();

  step('Migrating the database');
  nestwerk(['migrate']);

  const fromEnv = Boolean(process.env.NESTWERK_DEMO_PASSWORD);
  const storedFile = at('data', 'demo-password.txt');
  let password = fromEnv
    ? process.env.NESTWERK_DEMO_PASSWORD
    : existsSync(storedFile)
      ? readFileSync(storedFile, 'utf8').trim()
      : null;
  if (!hasDemoData()) {
    const demo = demoPassword();
    password = demo.password;
    step(`Loading demo data (${DEMO_FAMILIES} families); this happens once`);
    nestwerk(['demo', '--families', DEMO_FAMILIES], { NESTWERK_DEMO_PASSWORD: demo.password });
    if (demo.stored)
      process.stdout.write(`The demo password is kept in ${storedFile} (readable by you only).\n`);
  }

  const port = process.env.PORT || '8080';
  const url = `http://localhost:${port}/`;
  step('Starting the server');
  const child = spawn(
    process.execPath,
    [
      at('node_modules', 'tsx', 'dist', 'cli.mjs'),
      at('packages/cli/src/main.ts'),
      'serve',
      '--port',
      port,
      // One process for the demo on a laptop: it starts fastest and uses the least memory. `nestwerk serve`
      // itself defaults to one process per core; set NESTWERK_WORKERS to try that here.
      '--workers',
      process.env.NESTWERK_WORKERS || '1',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NESTWERK_LOG_LEVEL: process.env.NESTWERK_LOG_LEVEL ?? 'warn' },
    },
  );
  // Ctrl+C reaches the server itself (same process group): passing SIGINT on as well would be its second
  // signal, which means "stop now, drained or not". From a terminal we therefore only wait for it to finish.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => {
    if (!process.stdin.isTTY) child.kill('SIGINT');
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  if (await waitForHealth(url, child)) banner(url, password);
}

main().catch((err) => {
  process.stderr.write(`\n✗ ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
