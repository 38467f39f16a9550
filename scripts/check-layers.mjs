// Keeps dependencies pointing one way (DESIGN §5): knowledge ← engine ← server/cli; web may use the engine
// but never the server. Knowledge and engine stay free of I/O: no Node built-ins, no database, no HTTP.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const allowed = {
  knowledge: [],
  engine: ['knowledge'],
  contract: ['knowledge', 'engine'],
  server: ['knowledge', 'engine', 'contract'],
  cli: ['knowledge', 'engine', 'contract', 'server'],
  web: ['knowledge', 'engine', 'contract'],
};
const pure = new Set(['knowledge', 'engine', 'contract']);
const pureAllowedPackages = new Set(['zod']);

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

const problems = [];
for (const pkg of Object.keys(allowed)) {
  const dir = join(root, 'packages', pkg, 'src');
  try {
    statSync(dir);
  } catch {
    continue;
  }
  for (const file of sourceFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n').length;
    // A warning, not a failure: a code file growing into a room nobody can live in (data files are exempt).
    if (lines > 400 && pkg !== 'knowledge')
      process.stdout.write(`warning: ${relative(root, file)} has ${lines} lines; consider splitting it\n`);
    for (const match of source.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      const spec = match[1] ?? match[2];
      const where = relative(root, file);
      const internal = /^@nestwerk\/([a-z-]+)/.exec(spec);
      if (internal && !allowed[pkg].includes(internal[1]))
        problems.push(`${where}: ${pkg} must not import ${spec}`);
      if (spec.startsWith('.') && spec.includes('/packages/'))
        problems.push(`${where}: import other packages by name, not path`);
      if (
        pure.has(pkg) &&
        !spec.startsWith('.') &&
        !internal &&
        !pureAllowedPackages.has(spec.split('/')[0])
      ) {
        problems.push(`${where}: ${pkg} is pure (no I/O) and must not import ${spec}`);
      }
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(`Layering violations:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('layers ok: dependencies point one way; knowledge and engine do no I/O\n');
}
