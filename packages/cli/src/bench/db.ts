import { statSync } from 'node:fs';
import { loadDemo } from '@nestwerk/server';
import { demoGeneratorCpuUs, openBenchDatabase } from '@nestwerk/server/bench';
import type { BenchResult } from './stats.ts';

/**
 * `db.demo.families_per_s`: how fast `nestwerk demo` fills a fresh database, generation and the engine's
 * assessment of every contact included. Quick: 2 000 families; full: 100 000. SQLite by default; on
 * PostgreSQL (a throwaway cluster) when main.ts asks, reported there as `db.postgres.demo.families_per_s`.
 * Also the CPU time this process spent per family: steadier than the rate on a shared machine; and of it, what
 * the generator alone needs (`generatorCpuUsPerFamily`): one core cannot load faster than 10^6 / that a second.
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
    // After the load, on the warm process: the generator alone, for the split between making and storing.
    const generatorCpuUs = demoGeneratorCpuUs(opts.quick ? 500 : 2_000, 'bench');
    return [
      {
        name: 'db.demo.families_per_s',
        value: Math.round(families / seconds),
        unit: 'ops_per_s',
        database: dialect,
        families,
        seconds: Math.round(seconds * 100) / 100,
        loaderCpuUsPerFamily: Math.round((cpu.user + cpu.system) / families),
        generatorCpuUsPerFamily: Math.round(generatorCpuUs),
        ...(file ? { database_bytes: statSync(file).size } : {}),
      },
    ];
  } finally {
    await database.dispose();
  }
}
