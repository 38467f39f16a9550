import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the first visit costs: the gzip size of the JavaScript the log-in and worklist screens load before
 * anything else, from the production build. The web bench reports it and `npm test` fails when it exceeds
 * the budget (scripts/web-budget.ts), so a heavy import into the entry chunk is caught before it ships.
 */
export const INITIAL_JS_BUDGET_BYTES = 200_000;

const root = new URL('../../../..', import.meta.url).pathname;
const webDir = join(root, 'packages', 'web');
export const dist = join(webDir, 'dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Routes whose code the first visit needs: log-in, then the worklist. */
export const INITIAL_ROUTES = ['src/screens/login/LoginPage.tsx', 'src/screens/worklist/WorklistPage.tsx'];

/** Newest modification time under a folder (node_modules and dist skipped). */
function newest(dir: string): number {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/** Builds the web app when there is no build or its sources (or the packages it bundles) changed. */
export function ensureBuild(): Manifest {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  const built = existsSync(manifestPath) ? statSync(manifestPath).mtimeMs : 0;
  const sources = Math.max(
    newest(join(webDir, 'src')),
    newest(join(root, 'packages', 'engine', 'src')),
    newest(join(root, 'packages', 'knowledge', 'src')),
    newest(join(root, 'packages', 'contract', 'src')),
  );
  if (built < sources) {
    process.stderr.write('bench web: building the web app (vite build)…\n');
    const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('vite build failed');
  }
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

/** The entry chunk, the initial routes' chunks and everything they import statically, each counted once. */
export function initialChunks(manifest: Manifest, routes: readonly string[] = INITIAL_ROUTES): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  if (!entry) throw new Error('manifest has no entry chunk');
  visit(entry);
  for (const route of routes) visit(route);
  return [...seen].map((key) => manifest[key]?.file ?? '').filter((f) => f.endsWith('.js'));
}

export function gzipBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
}

/** The gzip bytes of the initial JavaScript and the files counted. */
export function measureInitialJs(): { bytes: number; files: string[] } {
  const files = initialChunks(ensureBuild());
  return { bytes: gzipBytes(files), files };
}
