// The layering rules of the repository and the check that enforces them (run by scripts/check-layers.mjs in
// `npm test`, proven by scripts/check-layers.test.ts). Dependencies point one way so that each layer can be
// read, tested and changed without the ones above it; docs/architecture.md explains the same table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * Between packages (DESIGN §5): knowledge ← engine ← contract ← server, web, cli; the CLI may also drive the
 * server. The web app never imports the server.
 */
export const PACKAGES = {
  knowledge: [],
  engine: ['knowledge'],
  contract: ['knowledge', 'engine'],
  server: ['knowledge', 'engine', 'contract'],
  web: ['knowledge', 'engine', 'contract'],
  cli: ['knowledge', 'engine', 'contract', 'server'],
};

/** Knowledge, engine and contract do no I/O: no Node built-ins, no database, no HTTP; zod is the one exception. */
const PURE = new Set(['knowledge', 'engine', 'contract']);
const PURE_ALLOWED = new Set(['zod']);

/**
 * Inside the server, a file may import its own layer and the layers below it, never one above:
 *
 *   0 kernel    db/, config.ts, http/errors.ts, http/principal.ts, http/app-context.ts, and the audit
 *               chain's key, checkpoint and anchor files and the listed-families fold's thread (opened with
 *               the database) — the schema, the
 *               configuration, the one error type and who is asking; everything may use these.
 *   1 data      repositories/, audit/ — queries and the hash-chained audit log.
 *   2 policies  policies/ — who may see or do what, and the caseload queries that apply it (the worklist).
 *   3 model     network/, presenters/, fhir/ — the referral lifecycle, share snapshots, CSV and vocabularies; rows
 *               turned into the contract's shapes, and the contract's shapes into FHIR resources.
 *   4 commands  routes/<resource>/* except routes.ts, routes/shared/, domain/, auth/, backup/, demo/ — what a
 *               request does, inside a transaction, with its audit entry. domain/ holds the commands several
 *               resources share (referral progress, person rows); the demo loader and backup are commands too.
 *   5 routes    routes/<resource>/routes.ts, routes/index.ts, auth/*-routes.ts, http/ (serve, validation,
 *               error handling), plugins/, app.ts, index.ts — HTTP registration and the app around it.
 *
 * The first matching pattern decides. Test and bench helpers (see {@link isSupport}) are outside the table.
 */
export const SERVER_LAYERS = [
  [/^routes\/[^/]+\/routes\.ts$/, 'routes'],
  [/^routes\/index\.ts$/, 'routes'],
  [/^auth\/[^/]+-routes\.ts$/, 'routes'],
  [
    /^(db\/|config\.ts$|http\/(errors|principal|app-context)\.ts$|audit\/(anchor|keys|checkpoints|listed-fold-thread)\.ts$)/,
    'kernel',
  ],
  [/^(repositories|audit)\//, 'data'],
  [/^policies\//, 'policies'],
  [/^(network|presenters|fhir)\//, 'model'],
  [/^(routes|domain|auth|backup|demo)\//, 'commands'],
  [/^(http|plugins)\/|^(app|index)\.ts$/, 'routes'],
];
export const RANK = { kernel: 0, data: 1, policies: 2, model: 3, commands: 4, routes: 5 };

/** The server layer of a path relative to packages/server/src, or undefined when no rule names it. */
export function serverLayer(path) {
  return SERVER_LAYERS.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * Test and bench helpers: tests, `testing/` and `bench/` folders, `test-*.ts` files. Production code never
 * imports them, and a package's main entry never exports them (a `./testing/…` or `./bench` subpath may, for
 * tests and benchmarks only).
 */
export function isSupport(path) {
  return /(^|\/)(testing|bench)\//.test(path) || /(^|\/)test-[^/]*$/.test(path) || isTest(path);
}
export function isTest(path) {
  return /\.test\.tsx?$/.test(path);
}
const isSupportSubpath = (sub) => /^(testing|bench)(\/|$)/.test(sub);

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const IMPORT = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The resource folder a path under routes/ belongs to (`routes/families/x.ts` → families). */
function resourceOf(path) {
  const m = /^routes\/([^/]+)\//.exec(path);
  return m && m[1] !== 'shared' && !isSupport(path) ? m[1] : null;
}

function checkEntry(root, pkg, problems) {
  const dir = join(root, 'packages', pkg);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return;
  }
  const exportsField = manifest.exports ?? {};
  const entries = typeof exportsField === 'string' ? { '.': exportsField } : exportsField;
  for (const [sub, target] of Object.entries(entries)) {
    const file = typeof target === 'string' ? target : null;
    if (!file) continue;
    const inSrc = relative('src', normalize(file)).split(sep).join('/');
    if (sub === '.') {
      if (isSupport(inSrc)) problems.push(`packages/${pkg}/package.json: the main entry is a test helper`);
      let source = '';
      try {
        source = readFileSync(join(dir, file), 'utf8');
      } catch {
        continue;
      }
      for (const match of source.matchAll(IMPORT)) {
        const spec = match[1] ?? match[2];
        if (!spec.startsWith('.')) continue;
        const target2 = relative(join(dir, 'src'), join(dirname(join(dir, file)), spec))
          .split(sep)
          .join('/');
        if (isSupport(target2))
          problems.push(
            `packages/${pkg}/${normalize(file)}: the package entry exports the test or bench helper ${spec}; give it a ./testing or ./bench subpath`,
          );
      }
    } else if (!isSupportSubpath(sub.replace(/^\.\//, '')) && isSupport(inSrc)) {
      // A production module may have a subpath of its own (e.g. a pure module the web app imports without the
      // package's heavier entry); a test or bench helper may only be reached through ./testing or ./bench.
      problems.push(
        `packages/${pkg}/package.json: export "${sub}" is a test or bench helper outside ./testing or ./bench`,
      );
    } else if (isSupportSubpath(sub.replace(/^\.\//, '')) && !isSupport(inSrc)) {
      problems.push(
        `packages/${pkg}/package.json: export "${sub}" points outside a testing/ or bench/ folder`,
      );
    }
  }
}

/** Every layering problem under `root` (a repository with packages/<name>/src), as readable lines. */
export function findLayerProblems(root, { warn = () => {} } = {}) {
  const problems = [];
  for (const pkg of Object.keys(PACKAGES)) {
    const src = join(root, 'packages', pkg, 'src');
    try {
      statSync(src);
    } catch {
      continue;
    }
    checkEntry(root, pkg, problems);
    for (const file of sourceFiles(src)) {
      const source = readFileSync(file, 'utf8');
      const here = relative(src, file).split(sep).join('/');
      const where = relative(root, file).split(sep).join('/');
      const lines = source.split('\n').length;
      // A warning, not a failure: a code file growing into a room nobody can live in (data files are exempt).
      if (lines > 400 && pkg !== 'knowledge' && !isTest(here))
        warn(`warning: ${where} has ${lines} lines; consider splitting it`);
      for (const match of source.matchAll(IMPORT)) {
        const spec = match[1] ?? match[2];
        const internal = /^@nestwerk\/([a-z-]+)(?:\/(.+))?$/.exec(spec);
        if (internal) {
          const [, target, sub] = internal;
          if (target !== pkg && !PACKAGES[pkg].includes(target))
            problems.push(`${where}: ${pkg} must not import ${spec}`);
          if (sub && isSupportSubpath(sub) && !isSupport(here))
            problems.push(`${where}: only tests and benchmarks may import ${spec}`);
          continue;
        }
        if (!spec.startsWith('.')) {
          if (PURE.has(pkg) && !isTest(here) && !PURE_ALLOWED.has(spec.split('/')[0]))
            problems.push(`${where}: ${pkg} is pure (no I/O) and must not import ${spec}`);
          continue;
        }
        const resolved = relative(src, join(dirname(file), spec))
          .split(sep)
          .join('/');
        if (resolved.startsWith('..')) {
          problems.push(`${where}: import other packages by name, not by path (${spec})`);
          continue;
        }
        if (isSupport(resolved) && !isSupport(here)) {
          problems.push(`${where}: production code imports the test helper ${spec}`);
          continue;
        }
        if (pkg !== 'server' || isSupport(here)) continue;
        const from = serverLayer(here);
        const to = serverLayer(resolved);
        if (from && to && RANK[to] > RANK[from])
          problems.push(`${where}: ${from} must not import ${to} (${spec})`);
        const mine = resourceOf(here);
        const theirs = resourceOf(resolved);
        if (theirs && theirs !== mine && here !== 'routes/index.ts')
          problems.push(
            `${where}: imports ${spec} from the routes of ${theirs}; move shared logic to domain/ or policies/`,
          );
      }
    }
  }
  return problems;
}
