import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `nestwerk` command run as its user runs it: a child process from the repository root, through tsx. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join('packages', 'cli', 'src', 'main.ts');

export interface NestwerkRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function nestwerk(args: string[], env: Record<string, string>, input?: string): NestwerkRun {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    input,
    env: { ...process.env, NESTWERK_DEBUG: '', NODE_OPTIONS: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The one-line JSON error a usage error prints on stderr (npm's own warnings aside). */
export const errorLine = (stderr: string) =>
  JSON.parse(stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'))[0] ?? '');
