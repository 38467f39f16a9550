import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@nestwerk/server';
import { createTestDatabase, testDialects } from '@nestwerk/server/testing/databases';
import { disableAuditProtection } from '@nestwerk/server/testing/tamper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `nestwerk` command in a child process, on a database of its own. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join('packages', 'cli', 'src', 'main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function nestwerk(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NESTWERK_DEBUG: '', NESTWERK_DEMO_PASSWORD: '', NODE_OPTIONS: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2 and exactly one JSON line on stderr, naming the field; no stack trace. */
function expectUsageError(r: Run, field: string, error = 'invalid_input'): void {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ error, field });
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

// Each test starts several `nestwerk` processes (tsx compiles on start): generous time on a busy machine.
describe('nestwerk database commands (SQLite)', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-cli-test-'));
    env = { NESTWERK_DATABASE_URL: `file:${join(dir, 'nestwerk.db')}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate applies the migrations once', () => {
    const first = nestwerk(['migrate'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ database: 'sqlite' });
    expect(JSON.parse(first.stdout).applied).toContain('0002_audit_log');
    const again = nestwerk(['migrate'], env);
    expect(JSON.parse(again.stdout)).toEqual({ database: 'sqlite', applied: [] });
  });

  it('demo loads families with progress on stderr and prints the log-ins; a second run loads nothing', () => {
    const r = nestwerk(['demo', '--families', '60', '--seed', 'cli'], {
      ...env,
      NESTWERK_DEMO_PASSWORD: 'demo wachtzin voor de test',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/demo families: 60\/60 \(100%\)/);
    for (const local of ['verpleegkundige', 'jeugdarts', 'teamleider', 'imh', 'beheer', 'gemeente'])
      expect(r.stdout).toContain(`${local}@demo.nestwerk.test`);
    expect(r.stdout).toContain('password: demo wachtzin voor de test');
    expect(r.stdout).toMatch(/ouder@demo\.nestwerk\.test\s+parent \(portal\)/);
    expect(r.stdout).toMatch(/ouder\.be@demo\.nestwerk\.test\s+parent \(portal\)/);
    const again = nestwerk(['demo'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already loaded/);
  });

  it('user add creates an account with a temporary password, and refuses bad input with exit 2', () => {
    const ok = nestwerk(
      [
        'user',
        'add',
        '--email',
        'Nieuw@Example.org',
        '--name',
        'Nieuwe Collega',
        '--role',
        'nurse',
        '--organisation',
        'jgz veldland',
        '--team',
        'Team Noord',
      ],
      env,
    );
    expect(ok.status, ok.stderr).toBe(0);
    const created = JSON.parse(ok.stdout);
    expect(created).toMatchObject({
      email: 'nieuw@example.org',
      role: 'nurse',
      team: { name: 'Team Noord' },
      mustChangePassword: true,
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(16);

    const base = ['user', 'add', '--name', 'X', '--organisation', 'JGZ Veldland'];
    expectUsageError(
      nestwerk([...base, '--email', 'nieuw@example.org', '--role', 'nurse'], env),
      '--email',
      'conflict',
    );
    expectUsageError(nestwerk([...base, '--email', 'a@example.org', '--role', 'king'], env), '--role');
    expectUsageError(nestwerk([...base, '--role', 'nurse'], env), '--email');
    expectUsageError(nestwerk([...base, '--email', 'not-an-address', '--role', 'nurse'], env), '--email');
    expectUsageError(
      nestwerk([...base, '--email', 'b@example.org', '--role', 'nurse', '--password', 'too short'], env),
      '--password',
    );
    expectUsageError(
      nestwerk(
        [
          'user',
          'add',
          '--email',
          'c@example.org',
          '--name',
          'C',
          '--role',
          'nurse',
          '--organisation',
          'Nowhere',
        ],
        env,
      ),
      '--organisation',
    );
    expectUsageError(nestwerk(['user', 'remove'], env), 'subcommand');
    expectUsageError(nestwerk(['user', 'add', '--colour', 'blue'], env), '--colour');
  });

  it('audit verify reports a valid chain (exit 0) and the first broken link (exit 1)', async () => {
    const ok = nestwerk(['audit', 'verify'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      ok: true,
      checked: 2,
      firstBroken: null,
      listedEntriesChecked: 0,
    });

    const copy = join(dir, 'tampered.db');
    const backup = nestwerk(['backup', copy], env);
    expect(backup.status, backup.stderr).toBe(0);
    const handle = await openDatabase(`file:${copy}`);
    try {
      await disableAuditProtection(handle);
      await handle.db.updateTable('audit_log').set({ outcome: 'denied' }).where('seq', '=', 1).execute();
    } finally {
      await handle.close();
    }
    const broken = nestwerk(['audit', 'verify', '--database', `file:${copy}`]);
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1 } });
    expectUsageError(nestwerk(['audit', 'check'], env), 'subcommand');
  });

  it('backup and restore, with clear refusals', () => {
    const file = join(dir, 'backup.db');
    const backup = nestwerk(['backup', file], env);
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, auditRows: 2 });
    expectUsageError(nestwerk(['backup', file], env), 'file', 'refused');
    expectUsageError(nestwerk(['backup'], env), 'file');
    expectUsageError(
      nestwerk(['backup', file, '--database', 'postgres://db.example/nestwerk']),
      'database',
      'unsupported',
    );
    expectUsageError(nestwerk(['restore', join(dir, 'missing.db')], env), 'file', 'refused');

    const restored = nestwerk(['restore', file], env);
    expect(restored.status, restored.stderr).toBe(0);
    const result = JSON.parse(restored.stdout);
    expect(existsSync(result.previous)).toBe(true);
    expect(JSON.parse(nestwerk(['audit', 'verify'], env).stdout)).toMatchObject({ ok: true, checked: 2 });
  });

  it('a malformed database URL is a usage error naming where it came from', () => {
    expectUsageError(
      nestwerk(['migrate'], { NESTWERK_DATABASE_URL: 'mysql://localhost/x' }),
      'NESTWERK_DATABASE_URL',
    );
    expectUsageError(nestwerk(['audit', 'verify', '--database', 'nestwerk.db']), '--database');
    expectUsageError(nestwerk(['demo', '--families', 'many'], env), '--families');
  });
});

describe.runIf(testDialects().includes('postgres'))(
  'nestwerk database commands (PostgreSQL)',
  { timeout: 120_000 },
  () => {
    it('migrate, demo and audit verify work the same', async () => {
      const database = await createTestDatabase('postgres', { migrate: false });
      await database.close();
      try {
        const env = {
          NESTWERK_DATABASE_URL: database.url,
          NESTWERK_DEMO_PASSWORD: 'demo wachtzin voor de test',
        };
        expect(JSON.parse(nestwerk(['migrate'], env).stdout)).toMatchObject({ database: 'postgres' });
        const demo = nestwerk(['demo', '--families', '30'], env);
        expect(demo.status, demo.stderr).toBe(0);
        const verify = nestwerk(['audit', 'verify'], env);
        expect(verify.status, verify.stderr).toBe(0);
        expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 1 });
      } finally {
        await database.dispose();
      }
    });
  },
);
