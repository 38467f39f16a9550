import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './connect.ts';
import { ensurePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files.ts';

/**
 * Secrets the server must read back (TOTP seeds) are sealed with AES-256-GCM under a key that never enters the
 * database: a stolen database file or dump alone does not yield anyone's second factor.
 */

const PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretsKeyError extends Error {}

export interface SecretBox {
  /** `context` (e.g. `totp:<user id>`) is authenticated: a sealed value copied to another row does not open. */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /**
   * A keyed digest (HMAC-SHA256 under a key derived from the secrets key for `purpose`) for finding a sealed
   * value by exact match: equal values give equal digests, and the digest alone does not give the value back
   * (a BSN has too few possibilities for a plain hash to hide it).
   */
  digest(value: string, purpose: string): string;
}

/** The authenticated context of a user's sealed TOTP secret. */
export function totpContext(userId: string): string {
  return `totp:${userId}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new SecretsKeyError('The secrets key must be 32 bytes');
  const digestKeys = new Map<string, Buffer>();
  const digestKey = (purpose: string): Buffer => {
    let k = digestKeys.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `nestwerk digest ${purpose}`, KEY_BYTES));
      digestKeys.set(purpose, k);
    }
    return k;
  };
  return {
    digest(value, purpose) {
      return createHmac('sha256', digestKey(purpose)).update(value, 'utf8').digest('base64url');
    },
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return `${PREFIX}${parts.join('.')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new SecretsKeyError('Not a sealed value');
      const [iv, tag, body] = sealed
        .slice(PREFIX.length)
        .split('.')
        .map((p) => Buffer.from(p, 'base64url'));
      if (!iv || !tag || !body) throw new SecretsKeyError('Malformed sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

/** 32 bytes as 64 hex digits or base64 (`openssl rand -base64 32`). */
export function parseSecretsKey(raw: string): Buffer {
  const value = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (
    key.length !== KEY_BYTES ||
    (!/^[0-9a-fA-F]{64}$/.test(value) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(value))
  )
    throw new SecretsKeyError(
      'NESTWERK_SECRETS_KEY must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32)',
    );
  return key;
}

/**
 * Where the server keeps its files: NESTWERK_DATA_DIR, else the folder of the SQLite database, else ./data
 * (PostgreSQL).
 */
export function dataDirFor(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): string {
  if (env.NESTWERK_DATA_DIR) return resolve(env.NESTWERK_DATA_DIR);
  const location = parseDatabaseUrl(databaseUrl || DEFAULT_DATABASE_URL);
  return location.dialect === 'sqlite' ? dirname(location.path) : resolve('data');
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'secrets.key');
}

/**
 * The key file under the data folder, made on first start: `keys/` 0700, `secrets.key` 0600. The key is written
 * whole to a file of this process's own and then hard-linked into place, which fails when the name exists: two
 * processes starting at once agree on one key, and neither can read the other's half-written file.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const dir = join(dataDir, 'keys');
  ensurePrivateDir(dataDir);
  ensurePrivateDir(dir);
  chmodSync(dir, PRIVATE_DIR_MODE);
  const file = keyFilePath(dataDir);
  if (!existsSync(file)) {
    const draft = join(dir, `.secrets.key.${process.pid}.${randomBytes(6).toString('hex')}`);
    try {
      const fd = openSync(draft, 'wx', PRIVATE_FILE_MODE);
      try {
        writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(draft, PRIVATE_FILE_MODE);
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  chmodSync(file, PRIVATE_FILE_MODE);
  try {
    return parseSecretsKey(readFileSync(file, 'utf8'));
  } catch {
    throw new SecretsKeyError(`${file} does not hold a valid key; restore it from the backup of the keys`);
  }
}

/** NESTWERK_SECRETS_KEY when set (several hosts on one PostgreSQL must share it), else the key file. */
export function resolveSecretsKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  return env.NESTWERK_SECRETS_KEY ? parseSecretsKey(env.NESTWERK_SECRETS_KEY) : loadOrCreateKeyFile(dataDir);
}
