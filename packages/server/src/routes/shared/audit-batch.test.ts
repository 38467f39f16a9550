import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.ts';
import { sqliteHandleOf } from '../../db/connect.ts';
import { WalSync } from '../../db/wal-sync.ts';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, relate, seedFamily } from '../../testing/world.ts';

forEachDatabase('group-committed audit rows of reads', (current, dialect) => {
  let server: TestServer;
  let nurse: Actor;
  let outsider: Actor;
  const families: string[] = [];

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    const org = await createOrg(db);
    nurse = await actor(server, db, org, 'nurse');
    outsider = await actor(server, db, await createOrg(db), 'nurse');
    for (let i = 0; i < 5; i++) {
      const f = await seedFamily(db, org.organisationId, nurse.id);
      await relate(db, f.familyId, { userId: nurse.id }, nurse.id);
      families.push(f.familyId);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('commits one row per concurrent read (and denial) before answering, and keeps the chain intact', async () => {
    const count = async (action: string, userId: string) =>
      (
        await current()
          .db.selectFrom('audit_log')
          .select('id')
          .where('action', '=', action)
          .where('user_id', '=', userId)
          .execute()
      ).length;
    const reads = Array.from({ length: 40 }, (_, i) =>
      nurse.client.get(`/api/families/${families[i % families.length]}`).then(async (res) => {
        // By the time an answer arrives, its audit row is already committed.
        expect(res.status).toBe(200);
        expect(await count('family.read', nurse.id)).toBeGreaterThan(0);
        return res;
      }),
    );
    const denials = Array.from({ length: 20 }, (_, i) =>
      outsider.client.get(`/api/families/${families[i % families.length]}`),
    );
    const answers = await Promise.all([...reads, ...denials]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(40);
    expect(answers.filter((r) => r.status === 404)).toHaveLength(20);
    expect(await count('family.read', nurse.id)).toBe(40);
    expect(await count('access.denied', outsider.id)).toBe(20);
    expect(await verifyAuditChain(current().db)).toMatchObject({ ok: true });
  });

  // SQLite commits read batches under NORMAL and syncs the WAL off the event loop (db/wal-sync.ts).
  if (dialect !== 'sqlite') return;

  it('on SQLite: commits the batch without FULL, then leaves the connection at FULL for every other transaction', async () => {
    const sqlite = sqliteHandleOf(current().db);
    const synchronous = () => sqlite?.pragma('synchronous', { simple: true });
    const full = 2;
    expect(synchronous()).toBe(full);
    const durable = vi.spyOn(WalSync.prototype, 'durable');
    try {
      const answers = await Promise.all(families.map((id) => nurse.client.get(`/api/families/${id}`)));
      expect(answers.map((r) => r.status)).toEqual(families.map(() => 200));
      expect(durable).toHaveBeenCalled();
      expect(synchronous()).toBe(full);
    } finally {
      durable.mockRestore();
    }
  });

  it('on SQLite: answers no data when the WAL cannot be synced, and serves again afterwards', async () => {
    const durable = vi
      .spyOn(WalSync.prototype, 'durable')
      .mockRejectedValue(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    try {
      const res = await nurse.client.get(`/api/families/${families[0]}`);
      expect(res.status).toBe(500);
      expect(res.text).not.toContain(families[0]);
    } finally {
      durable.mockRestore();
    }
    expect((await nurse.client.get(`/api/families/${families[0]}`)).status).toBe(200);
    expect(await verifyAuditChain(current().db)).toMatchObject({ ok: true });
  });
});
