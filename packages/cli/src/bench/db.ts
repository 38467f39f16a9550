import { statSync } from 'node:fs';
import { loadDemo } from '@nestwerk/server';
import { openBenchDatabase } from '@nestwerk/server/bench';
import type { BenchResult } from './stats.ts';

/**
 * `db.demo.families_per_s`: how fast `nestwerk demo` fills a fresh database, generation and the engine's
 * assessment of every contact included. Quick: 2 000 families; full: 100 000. SQLite by default; on
 * PostgreSQL (a throwaway cluster) when main.ts asks, reported there as `db.postgres.demo.families_per_s`.
 * Also the CPU time this process spent per family: steadier than the rate on a shared machine.
 */
export async function benchDemoLoad(opts: {
  quick: boolean;
  dialect?: 'sqlite' | 'postgres';
}): Promise<BenchResult[]> {
  const dialect = opts.dialect ?? 'sqlite';
  const families = opts.quick ? 2_000 : 100_000;
  const database = await openBenchDatabase(dialect);
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await loadDemo(database.handle.db, { families, seed: 'bench', password: 'bench-demo-password' });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const file = database.file;
    return [
      {
        name: 'db.demo.families_per_s',
        value: Math.round(families / seconds),
        unit: 'ops_per_s',
        database: dialect,
        families,
        seconds: Math.round(seconds * 100) / 100,
        loaderCpuUsPerFamily: Math.round((cpu.user + cpu.system) / families),
        ...(file ? { database_bytes: statSync(file).size } : {}),
      },
    ];
  } finally {
    await database.dispose();
  }
}
