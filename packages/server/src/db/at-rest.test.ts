import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/append.ts';
import { backupSqlite } from '../backup/sqlite-backup.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { openDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { InCodeMigrationProvider } from './migrations/index.ts';
import { createSecretBox, isSealed, keyFilePath, loadOrCreateKeyFile, totpContext } from './secrets.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('files at rest, whatever the umask', () => {
  let root: string;
  let umask: number;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nestwerk-at-rest-'));
    // The most permissive umask: every mode below must come from explicit chmod, not from the environment.
    umask = process.umask(0o000);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder 0700 and the database, -wal and -shm 0600', async () => {
    const path = join(root, 'data', 'nestwerk.db');
    const handle = await openDatabase(`file:${path}`);
    try {
      await migrateToLatest(handle);
      await recordAudit(handle.db, { action: 'seed', outcome: 'success' });
      expect(modeOf(join(root, 'data'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
      const backup = join(root, 'backups', 'nightly', 'nestwerk-backup.db');
      await backupSqlite(path, backup);
      expect(modeOf(backup)).toBe(0o600);
      expect(modeOf(join(root, 'backups'))).toBe(0o700);
      expect(modeOf(join(root, 'backups', 'nightly'))).toBe(0o700);
    } finally {
      await handle.close();
    }
  });

  it('makes a key file 0600 in a keys folder 0700 on first start, and reads the same key after', () => {
    const dataDir = join(root, 'keyed');
    const key = loadOrCreateKeyFile(dataDir);
    expect(key).toHaveLength(32);
    expect(modeOf(join(dataDir, 'keys'))).toBe(0o700);
    expect(modeOf(keyFilePath(dataDir))).toBe(0o600);
    expect(loadOrCreateKeyFile(dataDir).equals(key)).toBe(true);
  });

  it('gives processes that start at once one key, never a half-written file', async () => {
    const dataDir = join(root, 'raced');
    const secretsModule = new URL('./secrets.ts', import.meta.url).pathname;
    const script = `import { loadOrCreateKeyFile } from ${JSON.stringify(secretsModule)};
process.stdout.write(loadOrCreateKeyFile(${JSON.stringify(dataDir)}).toString('hex'));`;
    const starts = Array.from({ length: 8 }, () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]),
    );
    const keys = (await Promise.all(starts)).map((r) => r.stdout);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(loadOrCreateKeyFile(dataDir).toString('hex'));
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['secrets.key']);
  });

  it('seals with AES-256-GCM bound to its row: another key or another user does not open it', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', totpContext('u1'));
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, totpContext('u1'))).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, totpContext('u2'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed, totpContext('u1'))).toThrow();
  });
});

describe.each(testDialects())('migration 0005 seals existing TOTP secrets [%s]', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('encrypts plain secrets of an older database and leaves sealed ones alone', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const key = randomBytes(32);
    const provider = new InCodeMigrationProvider(dialect, { secretsKey: () => key });
    const older = await new Migrator({ db: database.db, provider }).migrateTo('0004_referral_inbox_count');
    expect(older.error).toBeUndefined();

    const at = new Date().toISOString();
    await database.db
      .insertInto('organisations')
      .values({ id: 'o1', name: 'GGD Veldland', region: 'nl', kind: 'jgz', created_at: at })
      .execute();
    const user = (id: string, totp: string | null) => ({
      id,
      organisation_id: 'o1',
      team_id: null,
      email: `${id}@ggd.example`,
      display_name: id,
      role: 'nurse' as const,
      password_hash: 'x',
      totp_secret: totp,
      totp_enrolled_at: totp ? at : null,
      is_demo: 0,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: at,
      version: 1,
    });
    const box = createSecretBox(key);
    const alreadySealed = box.seal('KRSXG5CTMVRXEZLU', totpContext('u3'));
    await database.db
      .insertInto('users')
      .values([user('u1', 'JBSWY3DPEHPK3PXP'), user('u2', null), user('u3', alreadySealed)])
      .execute();

    const { applied } = await migrateToLatest(database, { secretsKey: () => key });
    expect(applied[0]).toBe('0005_secrets_at_rest');
    const rows = await database.db.selectFrom('users').select(['id', 'totp_secret']).orderBy('id').execute();
    const [u1, u2, u3] = rows;
    expect(isSealed(String(u1?.totp_secret))).toBe(true);
    expect(box.open(String(u1?.totp_secret), totpContext('u1'))).toBe('JBSWY3DPEHPK3PXP');
    expect(u2?.totp_secret).toBeNull();
    expect(u3?.totp_secret).toBe(alreadySealed);
  });

  it('needs no key for a database without secrets', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const noKey = () => {
      throw new Error('no key should be needed');
    };
    await expect(migrateToLatest(database, { secretsKey: noKey })).resolves.toMatchObject({
      applied: expect.arrayContaining(['0005_secrets_at_rest']),
    });
  });
});
