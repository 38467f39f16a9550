import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLayerProblems, serverLayer } from './layers.mjs';

const roots = [];

/** A throwaway repository: `files` maps paths under packages/ to their source. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    const full = join(root, 'packages', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, source);
  }
  return root;
}

const good = {
  'knowledge/package.json': JSON.stringify({ exports: { '.': './src/index.ts' } }),
  'knowledge/src/index.ts': 'export const codes = [];\n',
  'engine/src/index.ts': "import { codes } from '@nestwerk/knowledge';\nexport const n = codes.length;\n",
  'server/package.json': JSON.stringify({
    exports: { '.': './src/index.ts', './bench': './src/bench/index.ts' },
  }),
  'server/src/index.ts': "export { buildApp } from './app.ts';\n",
  'server/src/app.ts':
    "import { domainRoutes } from './routes/index.ts';\nexport const buildApp = domainRoutes;\n",
  'server/src/routes/index.ts':
    "import { familyRoutes } from './families/routes.ts';\nexport const domainRoutes = familyRoutes;\n",
  'server/src/db/schema.ts': 'export type Database = {};\n',
  'server/src/repositories/families.ts':
    "import type { Database } from '../db/schema.ts';\nexport const find = (d: Database) => d;\n",
  'server/src/policies/access.ts':
    "import { find } from '../repositories/families.ts';\nexport const may = find;\n",
  'server/src/routes/families/commands.ts':
    "import { may } from '../../policies/access.ts';\nexport const read = may;\n",
  'server/src/routes/families/routes.ts':
    "import { read } from './commands.ts';\nexport const familyRoutes = read;\n",
  'server/src/routes/families/families.test.ts':
    "import { world } from '../../testing/world.ts';\nexport const w = world;\n",
  'server/src/testing/world.ts': "import { buildApp } from '../app.ts';\nexport const world = buildApp;\n",
  'server/src/bench/index.ts': "export { world } from '../testing/world.ts';\n",
  'cli/src/bench/api.ts': "import { world } from '@nestwerk/server/bench';\nexport const w = world;\n",
};

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the layering check', () => {
  it('passes a tree whose dependencies point one way', () => {
    expect(findLayerProblems(tree(good))).toEqual([]);
  });

  it('fails a repository importing a policy through a relative path', () => {
    const root = tree({
      ...good,
      'server/src/repositories/families.ts':
        "import { may } from '../policies/access.ts';\nexport const find = may;\n",
    });
    expect(findLayerProblems(root)).toEqual([
      'packages/server/src/repositories/families.ts: data must not import policies (../policies/access.ts)',
    ]);
  });

  it("fails a resource's code importing another resource's routes folder", () => {
    const root = tree({
      ...good,
      'server/src/routes/persons/rows.ts': 'export const row = 1;\n',
      'server/src/routes/families/commands.ts':
        "import { row } from '../persons/rows.ts';\nexport const read = row;\n",
    });
    expect(findLayerProblems(root)).toEqual([
      'packages/server/src/routes/families/commands.ts: imports ../persons/rows.ts from the routes of persons; move shared logic to domain/ or policies/',
    ]);
  });

  it('fails a package importing upwards, or another package by path', () => {
    const root = tree({
      ...good,
      'engine/src/index.ts': "import { buildApp } from '@nestwerk/server';\nexport const n = buildApp;\n",
      'knowledge/src/index.ts': "import { n } from '../../engine/src/index.ts';\nexport const codes = [n];\n",
    });
    expect(findLayerProblems(root)).toEqual([
      'packages/knowledge/src/index.ts: import other packages by name, not by path (../../engine/src/index.ts)',
      'packages/engine/src/index.ts: engine must not import @nestwerk/server',
    ]);
  });

  it('fails a test helper exported from a package entry or imported by production code', () => {
    const root = tree({
      ...good,
      'server/src/index.ts':
        "export { buildApp } from './app.ts';\nexport { world } from './testing/world.ts';\n",
      'cli/src/main.ts': "import { world } from '@nestwerk/server/bench';\nexport const w = world;\n",
    });
    expect(findLayerProblems(root)).toEqual([
      'packages/server/src/index.ts: the package entry exports the test or bench helper ./testing/world.ts; give it a ./testing or ./bench subpath',
      'packages/server/src/index.ts: production code imports the test helper ./testing/world.ts',
      'packages/cli/src/main.ts: only tests and benchmarks may import @nestwerk/server/bench',
    ]);
  });

  it('places the server folders in the layer table', () => {
    expect(serverLayer('routes/families/routes.ts')).toBe('routes');
    expect(serverLayer('routes/families/commands.ts')).toBe('commands');
    expect(serverLayer('auth/session-routes.ts')).toBe('routes');
    expect(serverLayer('auth/login.ts')).toBe('commands');
    expect(serverLayer('http/errors.ts')).toBe('kernel');
    expect(serverLayer('http/serve.ts')).toBe('routes');
    expect(serverLayer('presenters/family.ts')).toBe('model');
    expect(serverLayer('domain/referral-progress.ts')).toBe('commands');
  });
});
