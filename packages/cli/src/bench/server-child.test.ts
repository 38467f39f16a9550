import { loadDemo, verifyAuditChain } from '@nestwerk/server';
import { type BenchDatabase, openBenchDatabase } from '@nestwerk/server/bench';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerChild } from './server-child.ts';

/**
 * The bench's server under test: one process, or N cluster workers on one port (NESTWERK_BENCH_WORKERS) whose
 * CPU time is summed — the figure `cpu_us_per_req` divides. The bare baseline is started here: it needs no
 * log-in, and it runs the same process code as the app.
 */
describe('bench server child', () => {
  let database: BenchDatabase;
  let familyIds: string[];

  beforeAll(async () => {
    database = await openBenchDatabase('sqlite');
    await loadDemo(database.handle.db, {
      families: 12,
      seed: 'server-child',
      password: 'bench-child-password',
    });
    const rows = await database.handle.db.selectFrom('families').select('id').limit(6).execute();
    familyIds = rows.map((r) => r.id);
  }, 60_000);
  afterAll(() => database?.dispose());

  async function withWorkers<T>(workers: string | undefined, run: () => Promise<T>): Promise<T> {
    const before = process.env.NESTWERK_BENCH_WORKERS;
    if (workers === undefined) delete process.env.NESTWERK_BENCH_WORKERS;
    else process.env.NESTWERK_BENCH_WORKERS = workers;
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env.NESTWERK_BENCH_WORKERS;
      else process.env.NESTWERK_BENCH_WORKERS = before;
    }
  }

  for (const workers of [undefined, '2'])
    it(`serves family reads and reports its CPU time (${workers ?? 1} process${workers ? 'es' : ''})`, async () => {
      const child = await withWorkers(workers, () => startServerChild(database.handle.url, 'bare'));
      try {
        expect(child.processes).toBe(workers === undefined ? 1 : 2);
        const cpuBefore = await child.cpuMicros();
        for (let round = 0; round < 5; round++)
          for (const id of familyIds) {
            const response = await fetch(`${child.url}/bare/families/${id}`);
            expect(response.status).toBe(200);
            expect(((await response.json()) as { id: string }).id).toBe(id);
          }
        expect(await child.cpuMicros()).toBeGreaterThan(cpuBefore);
        const missing = await fetch(`${child.url}/bare/families/00000000-0000-7000-8000-000000000000`);
        expect(missing.status).toBe(404);
      } finally {
        await child.stop();
      }
      // Stopped means stopped: nothing listens on the port any more, in any worker.
      await expect(fetch(`${child.url}/bare/families/${familyIds[0]}`)).rejects.toThrow();
    }, 60_000);

  it('serves the audit floor: the bare file, each read with its committed audit row in the chain', async () => {
    const db = database.handle.db;
    const nurse = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'verpleegkundige@demo.nestwerk.test')
      .executeTakeFirstOrThrow();
    const rowsOf = async (familyId: string) =>
      db
        .selectFrom('audit_log')
        .select(['user_id', 'outcome', 'person_ids'])
        .where('action', '=', 'family.read')
        .where('family_id', '=', familyId)
        .execute();
    const child = await startServerChild(database.handle.url, 'bare');
    try {
      for (const id of familyIds) {
        const before = (await rowsOf(id)).length;
        const bare = await fetch(`${child.url}/bare/families/${id}`);
        const audited = await fetch(`${child.url}/bare/audited-families/${id}`);
        expect(audited.status).toBe(200);
        // The same file as the bare read; only the row is added.
        expect(await audited.json()).toEqual(await bare.json());
        // Answered only once committed: the row is there as soon as the answer is, in the nurse's name.
        const rows = await rowsOf(id);
        expect(rows).toHaveLength(before + 1);
        expect(rows.at(-1)).toMatchObject({ user_id: nurse.id, outcome: 'success' });
        expect(rows.at(-1)?.person_ids).toBeTruthy();
      }
      const missing = await fetch(`${child.url}/bare/audited-families/00000000-0000-7000-8000-000000000000`);
      expect(missing.status).toBe(404);
    } finally {
      await child.stop();
    }
    // Appended by another process than the one verifying: the chain still holds.
    expect((await verifyAuditChain(db, { checkpointFile: null })).ok).toBe(true);
  }, 60_000);

  it('refuses a worker count that is not a whole number ≥ 1', async () => {
    await expect(withWorkers('0', () => startServerChild(database.handle.url, 'bare'))).rejects.toThrow(
      /exited/,
    );
  }, 60_000);
});
