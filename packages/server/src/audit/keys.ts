import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** A secret that keys the audit chain's HMACs; `id` is stored with every row it signed. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

/** The key new rows are signed with, and every key (current and retired) that old rows may name. */
export interface AuditKeyRing {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

export class AuditKeyError extends Error {}

const MIN_KEY_BYTES = 32;

/**
 * Derived from the secret rather than chosen, so the same key always has the same id in every process and
 * the id reveals nothing usable about the secret.
 */
export function auditKeyId(secret: Buffer): string {
  return createHash('sha256').update('nestwerk audit key id\0').update(secret).digest('hex').slice(0, 16);
}

/** Hex (64+ digits) or base64 of at least 32 random bytes. */
export function parseAuditSecret(raw: string, where: string): Buffer {
  const value = raw.trim();
  const secret = /^[0-9a-fA-F]+$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (secret.length < MIN_KEY_BYTES)
    throw new AuditKeyError(`${where}: an audit key must be at least ${MIN_KEY_BYTES} bytes (64 hex digits)`);
  return secret;
}

export function auditKey(secret: Buffer): AuditKey {
  return { id: auditKeyId(secret), secret };
}

export function keyRing(current: AuditKey, retired: readonly AuditKey[] = []): AuditKeyRing {
  const byId = new Map<string, AuditKey>();
  for (const key of [...retired, current]) byId.set(key.id, key);
  return { current, byId };
}

/** Anyone who can read the key can forge history, so a key file others can read is refused, not used. */
function readKeyFile(path: string): AuditKey {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw new AuditKeyError(
      `${path} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  return auditKey(parseAuditSecret(readFileSync(path, 'utf8'), path));
}

export interface KeyRingSource {
  env: NodeJS.ProcessEnv;
  /** `<dataDir>/keys/audit.key` is the current key when the environment names none. */
  keysDir: string;
  /** Create the key file when there is none (a server's first start); verification never creates one. */
  create: boolean;
}

/**
 * NESTWERK_AUDIT_KEY (if set) or `<keys>/audit.key` signs new rows; `<keys>/retired/*.key` and
 * NESTWERK_AUDIT_RETIRED_KEYS (comma-separated) only verify old ones. Null when there is no key and
 * creating one was not asked for.
 */
export function loadAuditKeyRing(source: KeyRingSource): AuditKeyRing | null {
  const retired: AuditKey[] = [];
  const retiredDir = join(source.keysDir, 'retired');
  if (existsSync(retiredDir))
    for (const name of readdirSync(retiredDir).sort())
      if (name.endsWith('.key')) retired.push(readKeyFile(join(retiredDir, name)));
  for (const [i, raw] of (source.env.NESTWERK_AUDIT_RETIRED_KEYS ?? '').split(',').entries())
    if (raw.trim() !== '') retired.push(auditKey(parseAuditSecret(raw, `NESTWERK_AUDIT_RETIRED_KEYS[${i}]`)));

  const fromEnv = source.env.NESTWERK_AUDIT_KEY;
  if (fromEnv !== undefined && fromEnv !== '')
    return keyRing(auditKey(parseAuditSecret(fromEnv, 'NESTWERK_AUDIT_KEY')), retired);

  const file = join(source.keysDir, 'audit.key');
  if (!existsSync(file)) {
    if (!source.create) return null;
    createKeyFile(source.keysDir, file);
  }
  return keyRing(readKeyFile(file), retired);
}

function createKeyFile(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for a folder that already existed.
  chmodSync(dir, 0o700);
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    // Another process starting at the same moment won the race: use its key.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** NESTWERK_AUDIT_KEY and NESTWERK_AUDIT_RETIRED_KEYS only: for a database opened without an anchor. */
export function envOnlyKeyRing(env: NodeJS.ProcessEnv = process.env): AuditKeyRing | null {
  const raw = env.NESTWERK_AUDIT_KEY;
  if (raw === undefined || raw === '') return null;
  const retired = (env.NESTWERK_AUDIT_RETIRED_KEYS ?? '')
    .split(',')
    .filter((r) => r.trim() !== '')
    .map((r, i) => auditKey(parseAuditSecret(r, `NESTWERK_AUDIT_RETIRED_KEYS[${i}]`)));
  return keyRing(auditKey(parseAuditSecret(raw, 'NESTWERK_AUDIT_KEY')), retired);
}
