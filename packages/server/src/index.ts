// The server package as the CLI and the benchmarks see it (they may import @nestwerk/server by name only).
// One export line per module, sorted by path (biome keeps the order).

export { type AppOptions, buildApp } from './app.ts';
export { type AuditEntry, type AuditRecord, appendAudit, recordAudit } from './audit/append.ts';
export { type AuditQuery, searchAudit } from './audit/search.ts';
export { type ChainVerification, verifyAuditChain } from './audit/verify.ts';
export { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password.ts';
export { BackupError, backupSqlite, restoreSqlite } from './backup/sqlite-backup.ts';
export { type Config, ConfigError, loadConfig } from './config.ts';
export {
  DatabaseUrlError,
  type Db,
  type Dialect,
  databaseUrlFromEnv,
  openDatabase,
  parseDatabaseUrl,
} from './db/connect.ts';
export { MigrationError, migrateToLatest, migrationState } from './db/migrate.ts';
export type { Role } from './db/schema.ts';
export { loadOrCreateKeyFile } from './db/secrets.ts';
export { seedIntakeQueue } from './demo/intake-queue.ts';
export {
  DEFAULT_DEMO_SEED,
  DemoError,
  type DemoOptions,
  type DemoResult,
  hasDemoData,
  loadDemo,
  resetDemoPassword,
} from './demo/load.ts';
export { buildDashboard } from './domain/dashboard.ts';
export { importFamilyFromCli, secretBoxFor } from './domain/family-import-cli.ts';
export { exportBundle, type FhirFamilyInput } from './fhir/export-bundle.ts';
export { loadFhirInput } from './fhir/load-input.ts';
export type { Clock } from './http/app-context.ts';
export { HttpError } from './http/errors.ts';
export { refreshDashboardCounts } from './repositories/dashboard-counts.ts';
