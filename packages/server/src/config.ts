import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataDirFor, parseSecretsKey } from './db/secrets.ts';

export interface OidcConfig {
  /** Names the provider in `/api/auth/oidc/start?provider=<id>` and in the flow cookie. */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /**
   * The only organisation whose users may log in through this issuer: an IdP vouches for its own staff, so
   * an e-mail address it asserts must never open an account of another organisation.
   */
  organisationId: string;
}

/**
 * The organisation's identity provider for citizens (DigiD for a Dutch organisation, itsme for a Flemish one,
 * usually through a broker that speaks OpenID Connect). It vouches for a parent's BSN or INSZ in `idClaim`;
 * bound to one organisation, whose region decides which number it must be and whose families it may open.
 */
export interface CitizenOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  organisationId: string;
  /** The ID-token claim that carries the BSN or INSZ (default `sub`). */
  idClaim: string;
  /** Space-separated scopes asked for; `openid` is always among them. */
  scope: string;
}

export interface Config {
  port: number;
  host: string;
  /** Undefined: the embedded SQLite file under ./data (the database module decides where). */
  databaseUrl: string | undefined;
  /** Behind TLS: `__Host-` cookie with Secure, and HSTS. */
  secureCookies: boolean;
  /**
   * Which peers may speak for the client in X-Forwarded-For: nobody (false), the nearest N hops, or the listed
   * proxy addresses/CIDR ranges. Never "anyone": that lets every client choose its own audited address.
   */
  trustProxy: false | number | string[];
  bodyLimitBytes: number;
  session: { idleMinutes: number; absoluteHours: number; pendingMinutes: number };
  login: {
    maxFailuresPerAccount: number;
    lockMinutes: number;
    maxAttemptsPerIp: number;
    /** Passkey challenges and citizen log-in starts per address per window: each stores a row. */
    maxStartsPerIp: number;
    windowMinutes: number;
  };
  /** The built web app; null when it has not been built (the API still works). */
  webDist: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The server's own files (key folder); see `dataDirFor`. */
  dataDir: string;
  /** From NESTWERK_SECRETS_KEY; null: the key file under `dataDir` (made on first start). */
  secretsKey: Buffer | null;
  /** Identity providers, each bound to one organisation; empty when OpenID Connect is off. */
  oidc: OidcConfig[];
  /** The citizen identity provider for the parent portal; null when parents log in by password only. */
  citizenOidc: CitizenOidcConfig | null;
  /** Break the glass: how long one emergency access lasts before the professional must ask again. */
  emergencyAccessHours: number;
  /**
   * The origin parents' browsers see (`https://portaal.example.nl`), from NESTWERK_PUBLIC_ORIGIN: passkeys are
   * bound to its host name (the WebAuthn relying party id). Null: taken from the request's Host header, which
   * is only right when nothing in front of the server rewrites it (development, tests).
   */
  publicOrigin: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: int(0, 65_535).default(8080),
  NESTWERK_HOST: z.string().min(1).default('0.0.0.0'),
  NESTWERK_DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgres://')
    .optional(),
  NESTWERK_SECURE_COOKIES: flag.default(false),
  NESTWERK_PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((u) => new URL(u).origin)
    .optional(),
  NESTWERK_TRUST_PROXY: z.string().optional(),
  NESTWERK_BODY_LIMIT_KB: int(1, 10_240).default(256),
  NESTWERK_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  NESTWERK_SESSION_ABSOLUTE_HOURS: int(1, 7 * 24).default(12),
  NESTWERK_LOGIN_MAX_FAILURES: int(1, 1000).default(10),
  NESTWERK_LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  NESTWERK_LOGIN_MAX_PER_IP: int(1, 100_000).default(50),
  NESTWERK_LOGIN_MAX_STARTS_PER_IP: int(1, 100_000).default(120),
  NESTWERK_WEB_DIST: z.string().min(1).optional(),
  NESTWERK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NESTWERK_OIDC_ISSUER: z.url().optional(),
  NESTWERK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  NESTWERK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  NESTWERK_OIDC_REDIRECT_URL: z.url().optional(),
  // A night shift or a weekend call at most; longer would turn an emergency into a standing relationship.
  NESTWERK_EMERGENCY_ACCESS_HOURS: int(1, 12).default(4),
  NESTWERK_OIDC_ORGANISATION: z.string().min(1).optional(),
  NESTWERK_OIDC_PROVIDERS: z.string().min(1).optional(),
  NESTWERK_CITIZEN_OIDC_ISSUER: z.url().optional(),
  NESTWERK_CITIZEN_OIDC_CLIENT_ID: z.string().min(1).optional(),
  NESTWERK_CITIZEN_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  NESTWERK_CITIZEN_OIDC_REDIRECT_URL: z.url().optional(),
  NESTWERK_CITIZEN_OIDC_ORGANISATION: z.string().min(1).optional(),
  NESTWERK_CITIZEN_OIDC_ID_CLAIM: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.:/-]{0,99}$/, 'must be a claim name such as sub or bsn')
    .default('sub'),
  NESTWERK_CITIZEN_OIDC_SCOPE: z
    .string()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'must be scopes separated by single spaces',
    )
    .default('openid'),
  NESTWERK_DATA_DIR: z.string().min(1).optional(),
  NESTWERK_SECRETS_KEY: z.string().min(1).optional(),
});

const providerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a short lowercase slug'),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUrl: z.url(),
  organisationId: z.string().min(1),
});
const providersSchema = z.array(providerSchema).min(1);

function parseOidcProviders(raw: string): OidcConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('NESTWERK_OIDC_PROVIDERS', 'NESTWERK_OIDC_PROVIDERS must be a JSON array');
  }
  const parsed = providersSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      'NESTWERK_OIDC_PROVIDERS',
      `NESTWERK_OIDC_PROVIDERS ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const ids = parsed.data.map((p) => p.id);
  const issuers = parsed.data.map((p) => p.issuer);
  if (new Set(ids).size !== ids.length || new Set(issuers).size !== issuers.length)
    throw new ConfigError('NESTWERK_OIDC_PROVIDERS', 'NESTWERK_OIDC_PROVIDERS: each id and issuer only once');
  return parsed.data;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

const PROXY_ADDRESS = /^(?:[0-9.]+|[0-9a-fA-F:.]+)(?:\/\d{1,3})?$/;

/**
 * `true` once meant "trust every X-Forwarded-For", which let any client pick the address the audit log and the
 * per-address login limit see. It now means one hop (the usual single reverse proxy); more hops or an explicit
 * list of proxy addresses must be configured as such.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim().toLowerCase() ?? '';
  if (['', 'false', '0', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
  } else {
    const addresses = value.split(',').map((a) => a.trim());
    // proxy-addr validates the addresses themselves when Fastify starts; this catches typos like a hostname.
    if (addresses.every((a) => PROXY_ADDRESS.test(a))) return addresses;
  }
  throw new ConfigError(
    'NESTWERK_TRUST_PROXY',
    'NESTWERK_TRUST_PROXY must be false, true (= 1 hop), a number of hops (0-10), or comma-separated proxy addresses or CIDR ranges',
  );
}

/** Claims every ID token has for its own purpose: a number in one of them would be no citizen's identity. */
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  'auth_time',
  'acr',
  'amr',
  'sid',
  'jti',
]);

type Env = z.output<typeof envSchema>;

/**
 * All five connection variables or none; TLS for the issuer (plain http only on this machine, for development),
 * because whoever can answer in the issuer's name can log in as any parent.
 */
function parseCitizenOidc(e: Env): CitizenOidcConfig | null {
  const parts = {
    NESTWERK_CITIZEN_OIDC_ISSUER: e.NESTWERK_CITIZEN_OIDC_ISSUER,
    NESTWERK_CITIZEN_OIDC_CLIENT_ID: e.NESTWERK_CITIZEN_OIDC_CLIENT_ID,
    NESTWERK_CITIZEN_OIDC_CLIENT_SECRET: e.NESTWERK_CITIZEN_OIDC_CLIENT_SECRET,
    NESTWERK_CITIZEN_OIDC_REDIRECT_URL: e.NESTWERK_CITIZEN_OIDC_REDIRECT_URL,
    NESTWERK_CITIZEN_OIDC_ORGANISATION: e.NESTWERK_CITIZEN_OIDC_ORGANISATION,
  };
  const missing = Object.entries(parts).filter(([, v]) => v === undefined);
  if (missing.length === Object.keys(parts).length) return null;
  const [first] = missing;
  if (first)
    throw new ConfigError(
      first[0],
      `${first[0]} is missing: set all of NESTWERK_CITIZEN_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL and _ORGANISATION, or none`,
    );
  const issuer = new URL(String(parts.NESTWERK_CITIZEN_OIDC_ISSUER));
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && local))
    throw new ConfigError(
      'NESTWERK_CITIZEN_OIDC_ISSUER',
      'NESTWERK_CITIZEN_OIDC_ISSUER must be an https URL (plain http only for localhost)',
    );
  if (PROTOCOL_CLAIMS.has(e.NESTWERK_CITIZEN_OIDC_ID_CLAIM))
    throw new ConfigError(
      'NESTWERK_CITIZEN_OIDC_ID_CLAIM',
      `NESTWERK_CITIZEN_OIDC_ID_CLAIM cannot be ${e.NESTWERK_CITIZEN_OIDC_ID_CLAIM}: name the claim that carries the BSN or INSZ (default sub)`,
    );
  const scopes = e.NESTWERK_CITIZEN_OIDC_SCOPE.split(' ');
  return {
    issuer: String(parts.NESTWERK_CITIZEN_OIDC_ISSUER),
    clientId: String(parts.NESTWERK_CITIZEN_OIDC_CLIENT_ID),
    clientSecret: String(parts.NESTWERK_CITIZEN_OIDC_CLIENT_SECRET),
    redirectUrl: String(parts.NESTWERK_CITIZEN_OIDC_REDIRECT_URL),
    organisationId: String(parts.NESTWERK_CITIZEN_OIDC_ORGANISATION),
    idClaim: e.NESTWERK_CITIZEN_OIDC_ID_CLAIM,
    scope: scopes.includes('openid') ? scopes.join(' ') : ['openid', ...scopes].join(' '),
  };
}

/** Reads the environment once at start; a bad value stops the server with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Blank variables count as unset: `PORT= nestwerk serve` should not fail on "must be a whole number".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, `${variable} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const oidcVars = [
    e.NESTWERK_OIDC_ISSUER,
    e.NESTWERK_OIDC_CLIENT_ID,
    e.NESTWERK_OIDC_CLIENT_SECRET,
    e.NESTWERK_OIDC_REDIRECT_URL,
    e.NESTWERK_OIDC_ORGANISATION,
  ];
  const oidcSet = oidcVars.filter((v) => v !== undefined).length;
  if (oidcSet !== 0 && oidcSet !== oidcVars.length)
    throw new ConfigError(
      'NESTWERK_OIDC_ISSUER',
      'Set all of NESTWERK_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL and _ORGANISATION, or none',
    );
  if (oidcSet !== 0 && e.NESTWERK_OIDC_PROVIDERS !== undefined)
    throw new ConfigError(
      'NESTWERK_OIDC_PROVIDERS',
      'Use either NESTWERK_OIDC_PROVIDERS or the single-provider NESTWERK_OIDC_* variables, not both',
    );
  const oidc: OidcConfig[] =
    e.NESTWERK_OIDC_PROVIDERS !== undefined
      ? parseOidcProviders(e.NESTWERK_OIDC_PROVIDERS)
      : e.NESTWERK_OIDC_ISSUER &&
          e.NESTWERK_OIDC_CLIENT_ID &&
          e.NESTWERK_OIDC_CLIENT_SECRET &&
          e.NESTWERK_OIDC_REDIRECT_URL &&
          e.NESTWERK_OIDC_ORGANISATION
        ? [
            {
              id: 'default',
              issuer: e.NESTWERK_OIDC_ISSUER,
              clientId: e.NESTWERK_OIDC_CLIENT_ID,
              clientSecret: e.NESTWERK_OIDC_CLIENT_SECRET,
              redirectUrl: e.NESTWERK_OIDC_REDIRECT_URL,
              organisationId: e.NESTWERK_OIDC_ORGANISATION,
            },
          ]
        : [];
  let secretsKey: Buffer | null = null;
  try {
    secretsKey = e.NESTWERK_SECRETS_KEY === undefined ? null : parseSecretsKey(e.NESTWERK_SECRETS_KEY);
  } catch (err) {
    throw new ConfigError('NESTWERK_SECRETS_KEY', err instanceof Error ? err.message : 'is invalid');
  }
  let dataDir: string;
  try {
    dataDir = dataDirFor(present, e.NESTWERK_DATABASE_URL);
  } catch (err) {
    throw new ConfigError('NESTWERK_DATABASE_URL', err instanceof Error ? err.message : 'is invalid');
  }
  const webDist = e.NESTWERK_WEB_DIST ?? defaultWebDist;
  return {
    port: e.PORT,
    host: e.NESTWERK_HOST,
    databaseUrl: e.NESTWERK_DATABASE_URL,
    secureCookies: e.NESTWERK_SECURE_COOKIES,
    publicOrigin: e.NESTWERK_PUBLIC_ORIGIN ?? null,
    trustProxy: parseTrustProxy(e.NESTWERK_TRUST_PROXY),
    bodyLimitBytes: e.NESTWERK_BODY_LIMIT_KB * 1024,
    session: {
      idleMinutes: e.NESTWERK_SESSION_IDLE_MINUTES,
      absoluteHours: e.NESTWERK_SESSION_ABSOLUTE_HOURS,
      pendingMinutes: 10,
    },
    login: {
      maxFailuresPerAccount: e.NESTWERK_LOGIN_MAX_FAILURES,
      lockMinutes: e.NESTWERK_LOGIN_LOCK_MINUTES,
      maxAttemptsPerIp: e.NESTWERK_LOGIN_MAX_PER_IP,
      maxStartsPerIp: e.NESTWERK_LOGIN_MAX_STARTS_PER_IP,
      windowMinutes: 15,
    },
    webDist: existsSync(webDist) ? webDist : null,
    logLevel: e.NESTWERK_LOG_LEVEL,
    emergencyAccessHours: e.NESTWERK_EMERGENCY_ACCESS_HOURS,
    dataDir,
    secretsKey,
    oidc,
    citizenOidc: parseCitizenOidc(e),
  };
}
