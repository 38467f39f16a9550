import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo, migrateToLatest, openDatabase } from '@nestwerk/server';
import type { BenchResult } from './stats.ts';

/**
 * `db.demo.families_per_s`: how fast `nestwerk demo` fills a fresh embedded (SQLite) database, generation
 * and the engine's assessment of every contact included. Quick: 2 000 families; full: 100 000.
 */
export async function benchDemoLoad(opts: { quick: boolean }): Promise<BenchResult[]> {
  const families = opts.quick ? 2_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'nestwerk-bench-demo-'));
  const file = join(dir, 'nestwerk.db');
  const handle = await openDatabase(`file:${file}`);
  try {
    await migrateToLatest(handle);
    const started = performance.now();
    await loadDemo(handle.db, { families, seed: 'bench', password: 'bench-demo-password' });
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        name: 'db.demo.families_per_s',
        value: Math.round(families / seconds),
        unit: 'ops_per_s',
        database: 'sqlite',
        families,
        seconds: Math.round(seconds * 100) / 100,
        database_bytes: statSync(file).size,
      },
    ];
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
