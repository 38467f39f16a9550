import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Db, loadDemo, openDatabase, verifyAuditChain } from '@nestwerk/server';
import { openBenchDatabase } from '@nestwerk/server/bench';
import { type ServerProcess, startServerProcess } from '@nestwerk/server/testing/server-process';
import { asUsage, UsageError } from './usage-error.ts';

/**
 * `npm run --silent bench -- --soak [--cycles N] [--workers N] [--database sqlite|postgres]`: the fault soak.
 * On each database, `nestwerk serve --workers N` under a mixed write and read load; each cycle kills one
 * server process with SIGKILL (a worker; every tenth cycle the primary and all its workers at once, as a
 * crashed machine), waits until it serves again, and then checks that every write that was acknowledged
 * (2xx) so far is in the database with its audit row, and that the audit chain verifies. JSON lines on
 * stdout, progress on stderr.
 */

const PASSWORD = 'soak-demo-password-2026';
const NURSE = 'verpleegkundige@demo.nestwerk.test';
const CLIENTS = 6;
/** Writes acknowledged between two kills, so each kill lands in the middle of a load. */
const WRITES_PER_CYCLE = 6;
const REQUEST_TIMEOUT_MS = 30_000;
const WAIT_LIMIT_MS = 120_000;

interface SoakLine {
  name: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}

const log = (line: string) => process.stderr.write(`soak: ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** What the load was told was stored. */
interface Acknowledged {
  families: Set<string>;
  contacts: Set<string>;
}

class Session {
  constructor(
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  static async open(url: string): Promise<Session> {
    const res = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: NURSE, password: PASSWORD }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json()) as { csrfToken?: string };
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`log-in: HTTP ${res.status}`);
    return new Session(cookie, body.csrfToken);
  }

  async send(url: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf, 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

const family = (n: number) => ({
  name: `Soak ${n}`,
  children: [{ givenName: 'Sem', familyName: `Soak ${n}`, birthDate: '2025-05-05' }],
  caregivers: [{ givenName: 'Lotte', familyName: `Soak ${n}`, role: 'mother', birthYear: 1992 }],
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

/**
 * Clients that write (a family, then contacts in it) and read (the family file, the worklist) until stopped. A request
 * that fails or is cut off by a kill was never acknowledged; only a 2xx answer counts.
 */
function startLoad(server: () => string, session: Session, acked: Acknowledged) {
  let running = true;
  let n = 0;
  let reads = 0;
  // By HTTP status, or 'network' for a request cut off or refused: a 5xx here would be a defect, not a kill.
  const failures: Record<string, number> = {};
  const fail = (why: string | number) => {
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const client = async () => {
    let mine: { id: string; childId: string } | undefined;
    while (running) {
      const step = n++;
      try {
        if (!mine || step % 4 === 0) {
          const res = await session.send(server(), 'POST', '/api/families', family(step));
          if (res.status === 201) {
            const children = res.json.children as Array<{ id: string }>;
            mine = { id: String(res.json.id), childId: children[0]?.id ?? '' };
            acked.families.add(mine.id);
          } else fail(res.status);
        } else if (step % 4 === 1) {
          // Every other read a worklist page: lists are what the listed-families fold (on SQLite, its own
          // thread) folds, so kills land in folds too, and each cycle's verification checks the index.
          const path = step % 8 === 5 ? '/api/worklist?scope=mine&limit=50' : `/api/families/${mine.id}`;
          const res = await session.send(server(), 'GET', path);
          if (res.status === 200) reads++;
          else fail(res.status);
        } else {
          const res = await session.send(
            server(),
            'POST',
            `/api/families/${mine.id}/contacts`,
            contact(mine.childId),
          );
          const id = (res.json.contact as { id?: string } | undefined)?.id;
          if (res.status === 201 && id) acked.contacts.add(id);
          else fail(res.status);
        }
      } catch {
        fail('network');
        // The process that held the connection was killed; give the supervisor a moment.
        await sleep(20);
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return {
    stats: () => ({ reads, failures }),
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/** Every acknowledged write is stored with its audit row; returns how many are not. */
async function lostWrites(db: Db['db'], acked: Acknowledged): Promise<number> {
  // Snapshot first: what is acknowledged after this point may still be committing as we look.
  const families = [...acked.families];
  const contacts = [...acked.contacts];
  const stored = {
    families: new Set((await db.selectFrom('families').select('id').execute()).map((r) => r.id)),
    contacts: new Set((await db.selectFrom('contacts').select('id').execute()).map((r) => r.id)),
  };
  const audit = await db
    .selectFrom('audit_log')
    .select(['action', 'family_id', 'details_json'])
    .where('action', 'in', ['family.create', 'contact.create'])
    .where('outcome', '=', 'success')
    .execute();
  const auditedFamilies = new Set(audit.filter((a) => a.action === 'family.create').map((a) => a.family_id));
  const auditedContacts = new Set(
    audit
      .filter((a) => a.action === 'contact.create')
      .map((a) => (JSON.parse(a.details_json ?? '{}') as { contactId?: string }).contactId),
  );
  return (
    families.filter((id) => !stored.families.has(id) || !auditedFamilies.has(id)).length +
    contacts.filter((id) => !stored.contacts.has(id) || !auditedContacts.has(id)).length
  );
}

async function until(what: string, done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`soak: gave up waiting for ${what}`);
    await sleep(25);
  }
}

async function soakOne(
  dialect: 'sqlite' | 'postgres',
  options: { cycles: number; workers: number },
): Promise<SoakLine[]> {
  const database = await openBenchDatabase(dialect);
  const servers: ServerProcess[] = [];
  try {
    log(`[${dialect}] loading a small demo`);
    await loadDemo(database.handle.db, { families: 20, password: PASSWORD });
    const port = await freePort();
    const env = { NESTWERK_LOGIN_MAX_PER_IP: '100000' };
    const start = async () => {
      const server = await startServerProcess({
        databaseUrl: database.handle.url,
        workers: options.workers,
        port,
        env,
      });
      servers.push(server);
      return server;
    };
    let server = await start();
    const url = server.url;
    const session = await Session.open(url);
    const acked: Acknowledged = { families: new Set(), contacts: new Set() };
    const load = startLoad(() => url, session, acked);
    let lost = 0;
    let chainFailures = 0;
    let workerKills = 0;
    let fullCrashes = 0;
    let lastCount = 0;
    const ackedCount = () => acked.families.size + acked.contacts.size;
    try {
      for (let cycle = 1; cycle <= options.cycles; cycle++) {
        await until('acknowledged writes', () => ackedCount() >= lastCount + WRITES_PER_CYCLE);
        lastCount = ackedCount();
        if (cycle % 10 === 0) {
          // The whole server at once: nothing drains, nobody supervises.
          server.kill();
          await server.exited;
          server = await start();
          fullCrashes++;
        } else {
          const pids = server.workerPids();
          const victim = pids[cycle % pids.length];
          if (victim === undefined) throw new Error('soak: the server has no workers');
          const seen = server.output().length;
          process.kill(victim, 'SIGKILL');
          await server.waitForOutput(new RegExp(`worker ${victim} stopped`));
          const current = server;
          await until('the replacement worker', () =>
            /worker \d+ serving/.test(current.output().slice(seen)),
          );
          workerKills++;
        }
        const check = await openDatabase(database.handle.url);
        try {
          const missing = await lostWrites(check.db, acked);
          lost += missing;
          const chain = await verifyAuditChain(check.db, { writeCheckpoint: false });
          if (!chain.ok) chainFailures++;
          log(
            `[${dialect}] cycle ${cycle}/${options.cycles}: ${ackedCount()} acknowledged writes, ${missing} missing, chain ${chain.ok ? 'ok' : `BROKEN at ${chain.firstBroken?.seq}: ${chain.firstBroken?.reason}`}`,
          );
        } finally {
          await check.close();
        }
      }
    } finally {
      await load.stop();
    }
    server.child.kill('SIGTERM');
    await server.exited;
    const extra = {
      database: dialect,
      workers: options.workers,
      clients: CLIENTS,
      worker_kills: workerKills,
      full_crashes: fullCrashes,
    };
    return [
      { name: 'soak.cycles', value: workerKills + fullCrashes, unit: 'cycles', ...extra },
      {
        name: 'soak.lost_acknowledged_writes',
        value: lost,
        unit: 'writes',
        acknowledged: ackedCount(),
        ...extra,
      },
      { name: 'soak.chain_failures', value: chainFailures, unit: 'checks', ...extra },
      { name: 'soak.reads', value: load.stats().reads, unit: 'requests', ...extra },
      {
        name: 'soak.failed_requests',
        value: Object.values(load.stats().failures).reduce((a, b) => a + b, 0),
        unit: 'requests',
        by_cause: load.stats().failures,
        note: "'network': cut off by a kill or refused while restarting; never acknowledged, so never counted as stored",
        ...extra,
      },
    ];
  } finally {
    for (const server of servers) server.kill();
    await database.dispose();
  }
}

export async function soak(argv: string[]): Promise<void> {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      options: {
        soak: { type: 'boolean' },
        cycles: { type: 'string', default: '100' },
        workers: { type: 'string', default: '2' },
        database: { type: 'string' },
      },
      strict: true,
    }),
  );
  const cycles = Number(values.cycles);
  const workers = Number(values.workers);
  if (!Number.isSafeInteger(cycles) || cycles < 1)
    throw new UsageError('--cycles must be a whole number ≥ 1');
  if (!Number.isSafeInteger(workers) || workers < 2)
    throw new UsageError('--workers must be a whole number ≥ 2');
  const all = ['sqlite', 'postgres'] as const;
  const dialects = all.filter((d) => values.database === undefined || values.database === d);
  if (dialects.length === 0) throw new UsageError('--database must be sqlite or postgres');

  // Keys and checkpoints of the throwaway databases stay out of the checkout's ./data.
  const dataDir = process.env.NESTWERK_DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'nestwerk-soak-'));
  if (dataDir) process.env.NESTWERK_DATA_DIR = dataDir;
  try {
    for (const dialect of dialects)
      for (const line of await soakOne(dialect, { cycles, workers }))
        process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
