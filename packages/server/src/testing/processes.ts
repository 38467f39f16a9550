import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const DB_WORKER = fileURLToPath(new URL('./db-worker.ts', import.meta.url));

/** Runs testing/db-worker.ts in its own process; resolves with its stdout, rejects with its stderr. */
export function runDbWorker(url: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [DB_WORKER, url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`db-worker ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}
