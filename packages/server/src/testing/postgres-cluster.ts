import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the test suite: Debian's binaries, a temporary data directory, a free
 * port on 127.0.0.1 and its unix socket inside that directory, trust authentication. Nothing of the
 * machine's own PostgreSQL (if any) is touched.
 */
export interface ThrowawayCluster {
  url: string;
  dir: string;
  stop(): void;
}

type Log = (line: string) => void;

const DIR_PREFIX = 'nestwerk-pg-';

export function findPostgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Debian's `postgresql` package, when we are root and apt is there; says what it does, never silently. */
export function installPostgres(log: Log): boolean {
  if (!isRoot() || !hasCommand('apt-get')) return false;
  log(
    'PostgreSQL is not installed; installing it for the test suite: apt-get update && apt-get install -y postgresql',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  return install.status === 0;
}

export const NO_POSTGRES_MESSAGE = [
  'The PostgreSQL test suite needs a PostgreSQL server and found none. Do one of:',
  '  - set NESTWERK_TEST_POSTGRES_URL=postgres://user:password@host:5432/postgres (a role that may CREATE DATABASE);',
  '  - install PostgreSQL (Debian/Ubuntu: sudo apt-get install postgresql) so the tests can start a throwaway cluster;',
  '  - run the tests as root on a machine with apt-get, and they install it themselves.',
  'To run the SQLite suites alone on purpose, set NESTWERK_TEST_DATABASES=sqlite.',
].join('\n');

interface RunAs {
  uid: number;
  gid: number;
}

/** initdb refuses to run as root: the cluster then belongs to Debian's `postgres` user. */
function postgresUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(
      'Running as root, but there is no "postgres" user to own the test cluster (initdb refuses root).',
    );
  return { uid: Number(uid), gid: Number(gid) };
}

function run(bin: string, args: string[], as: RunAs | undefined): void {
  const result = spawnSync(bin, args, { encoding: 'utf8', ...(as ?? {}), cwd: tmpdir() });
  if (result.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayCluster(bin: string, log: Log): Promise<ThrowawayCluster> {
  reapStaleClusters(bin, log);
  const as = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  if (as) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'], as);

  const port = await freePort();
  // Speed over crash safety: the cluster lives for one test run. (Killing a Nestwerk process in a test does
  // not kill PostgreSQL, so committed data stays visible either way.)
  const options = [
    `-c port=${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c max_connections=300',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  run(
    join(bin, 'pg_ctl'),
    ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'],
    as,
  );
  log(`started a throwaway PostgreSQL cluster on 127.0.0.1:${port} (${dir})`);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      stopCluster(bin, dir, as);
    },
  };
}

function stopCluster(bin: string, dir: string, as: RunAs | undefined): void {
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], {
      stdio: 'ignore',
      ...(as ?? {}),
      cwd: tmpdir(),
    });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Clusters left behind by a test run that was killed: stopped and removed, so they do not pile up. */
function reapStaleClusters(bin: string, log: Log): void {
  const as = postgresUser();
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (alive(owner)) continue;
    log(`removing a test cluster left behind by process ${owner}: ${dir}`);
    stopCluster(bin, dir, as);
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function postgresVersion(bin: string): string {
  return execFileSync(join(bin, 'pg_ctl'), ['--version'], { encoding: 'utf8' }).trim();
}
