import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `nestwerk dashboard` (DESIGN §4.4) as a child process, on a demo database of its own. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join('packages', 'cli', 'src', 'main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function nestwerk(args: string[], env: Record<string, string>): Run {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, NESTWERK_DEBUG: '', NODE_OPTIONS: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectUsageError(r: Run, field: string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ field });
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('nestwerk dashboard (DESIGN §4.4)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-dashboard-cli-'));
    env = {
      NESTWERK_DATABASE_URL: `file:${join(dir, 'nestwerk.db')}`,
      NESTWERK_DEMO_PASSWORD: 'demo wachtzin voor de test',
    };
    const demo = nestwerk(['demo', '--families', '300', '--seed', 'dashboard'], env);
    if (demo.status !== 0) throw new Error(demo.stderr);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the published tables in the documented shape, with no count from 1 to 9 and no id', () => {
    const r = nestwerk(['dashboard', '--region', 'nl'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UUID);
    const out = JSON.parse(r.stdout) as { tables: unknown[] };
    expect(Object.keys(out)).toEqual(['tables']);
    expect(out.tables.length).toBeGreaterThan(0);
    for (const raw of out.tables) {
      const t = raw as Record<string, unknown>;
      expect(Object.keys(t)).toEqual(['id', 'title', 'rows', 'columnTotals']);
      expect(typeof t.id).toBe('string');
      expect(typeof t.title).toBe('string');
      const cells = [
        ...(t.rows as Array<{ label: string; cells: unknown[]; total: unknown }>).flatMap((row) => {
          expect(Object.keys(row)).toEqual(['label', 'cells', 'total']);
          return [...row.cells, { column: 'total', ...(row.total as object) }];
        }),
        ...(t.columnTotals as unknown[]),
      ] as Array<{ column: string; count: number | null; suppressed: boolean }>;
      for (const c of cells) {
        expect(Object.keys(c).sort()).toEqual(['column', 'count', 'suppressed']);
        if (c.suppressed) expect(c.count).toBeNull();
        else expect(c.count === 0 || (c.count ?? 0) >= 10, JSON.stringify(c)).toBe(true);
      }
    }
  });

  it('rejects bad arguments with exit 2 naming the option', () => {
    expectUsageError(nestwerk(['dashboard', '--region', 'de'], env), '--region');
    expectUsageError(nestwerk(['dashboard', '--from', '2026-13'], env), '--from');
    expectUsageError(nestwerk(['dashboard', '--to', 'march'], env), '--to');
    expectUsageError(nestwerk(['dashboard', '--from', '2026-05', '--to', '2026-01'], env), '--to');
    expectUsageError(nestwerk(['dashboard', '--from', '2010-01', '--to', '2026-01'], env), '--from');
    expectUsageError(nestwerk(['dashboard', '--colour', 'red'], env), '--colour');
  });
});
