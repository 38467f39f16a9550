import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit/verify.ts';
import { createTestUser } from './auth/test-users.ts';
import { openDatabase } from './db/connect.ts';
import { ApiClient } from './http/test-server.ts';
import { createTestDatabase, type TestDatabase, testDialects } from './testing/databases.ts';
import { createOrg } from './testing/world.ts';

/**
 * Nothing acknowledged is lost when the server is killed (kill -9) in the middle of a write load: the real
 * `nestwerk serve` in a child process, eight concurrent writers, SIGKILL, restart, then every write that got
 * a 2xx is there with its audit record, and the audit chain verifies.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const WRITERS = 8;

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/**
 * `node --import tsx`, not the tsx wrapper, and one process (no supervisor): SIGKILL must hit the process that
 * holds the database. Killing workers under a cluster is the fault soak's part (`bench --soak`).
 */
function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve', '--port', '0', '--workers', '1'],
    {
      cwd: root,
      env: {
        ...process.env,
        NESTWERK_DATABASE_URL: databaseUrl,
        NESTWERK_HOST: '127.0.0.1',
        NESTWERK_LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}`, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

async function login(url: string, email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  const res = await client.post('/api/session', { email, password });
  if (res.status !== 200) throw new Error(`log-in failed: ${res.status} ${res.text}`);
  return client;
}

const family = (n: number) => ({
  name: `Duurzaam ${n}`,
  children: [{ givenName: 'Sem', familyName: `Duurzaam ${n}`, birthDate: '2025-05-05' }],
  caregivers: [{ givenName: 'Lotte', familyName: `Duurzaam ${n}`, role: 'mother', birthYear: 1992 }],
});

const contact = (childId: string) => ({
  childId,
  type: 'home_visit',
  date: new Date().toISOString().slice(0, 10),
  status: 'final',
  agreedBand: 'safe',
  cues: { shared_enjoyment: true },
  factors: { parent_stress: { value: 'present', reportedBy: 'parent' } },
  criteria: {},
  agreement: { text: 'Terugkomen op rust en regelmaat', nextTopicPermission: false, extraContact: false },
});

describe.each(testDialects())('durability under kill -9 [%s]', (dialect) => {
  let database: TestDatabase | undefined;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await database?.dispose();
  });

  it('keeps every acknowledged write and its audit record', async () => {
    database = await createTestDatabase(dialect);
    const org = await createOrg(database.db);
    const user = await createTestUser(
      database.db,
      { organisationId: org.organisationId, teamId: org.teamId },
      {
        email: `duurzaam.${dialect}@ggd.example`,
        isDemo: true,
      },
    );
    await database.close();

    const first = await startServer(database.url);
    children.push(first.child);
    const clients = await Promise.all(
      Array.from({ length: WRITERS }, () => login(first.url, user.email, user.password)),
    );

    const families = new Set<string>();
    const contacts = new Set<string>();
    let killed = false;
    let n = 0;
    const writer = async (client: ApiClient) => {
      let mine: { id: string; childId: string } | undefined;
      while (!killed) {
        try {
          if (!mine || n % 3 === 0) {
            const res = await client.post('/api/families', family(++n));
            if (res.status === 201) {
              const body = res.json as { id: string; children: Array<{ id: string }> };
              families.add(body.id);
              mine = { id: body.id, childId: body.children[0]?.id ?? '' };
            }
          } else {
            const res = await client.post(`/api/families/${mine.id}/contacts`, contact(mine.childId));
            n++;
            if (res.status === 201) contacts.add((res.json?.contact as { id: string } | undefined)?.id ?? '');
          }
        } catch {
          // The connection died with the server: this write was never acknowledged.
        }
      }
    };
    const load = Promise.all(clients.map(writer));
    // Kill mid-load, once a fair number of writes has been acknowledged.
    const deadline = Date.now() + 20_000;
    while (families.size + contacts.size < 120 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    await first.exited;
    killed = true;
    await load;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(families.size + contacts.size).toBeGreaterThanOrEqual(120);

    const second = await startServer(database.url);
    children.push(second.child);
    const reader = await login(second.url, user.email, user.password);
    for (const id of [...families].slice(0, 20))
      expect((await reader.get(`/api/families/${id}`)).status).toBe(200);
    for (const id of [...contacts].slice(0, 20))
      expect((await reader.get(`/api/contacts/${id}`)).status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;

    const handle = await openDatabase(database.url);
    try {
      const storedFamilies = new Set(
        (await handle.db.selectFrom('families').select('id').execute()).map((r) => r.id),
      );
      const storedContacts = new Set(
        (await handle.db.selectFrom('contacts').select('id').execute()).map((r) => r.id),
      );
      const audit = await handle.db
        .selectFrom('audit_log')
        .select(['action', 'family_id', 'details_json'])
        .where('action', 'in', ['family.create', 'contact.create'])
        .where('outcome', '=', 'success')
        .execute();
      const auditedFamilies = new Set(
        audit.filter((a) => a.action === 'family.create').map((a) => a.family_id),
      );
      const auditedContacts = new Set(
        audit
          .filter((a) => a.action === 'contact.create')
          .map((a) => (JSON.parse(a.details_json ?? '{}') as { contactId?: string }).contactId),
      );
      for (const id of families) {
        expect(storedFamilies.has(id), `family ${id}`).toBe(true);
        expect(auditedFamilies.has(id), `audit of family ${id}`).toBe(true);
      }
      for (const id of contacts) {
        expect(storedContacts.has(id), `contact ${id}`).toBe(true);
        expect(auditedContacts.has(id), `audit of contact ${id}`).toBe(true);
      }
      // Atomic both ways: no audit record of a write that was rolled back by the crash.
      for (const id of auditedFamilies) expect(storedFamilies.has(id ?? '')).toBe(true);
      for (const id of auditedContacts) expect(storedContacts.has(id ?? '')).toBe(true);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    } finally {
      await handle.close();
    }
  }, 120_000);
});
