import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * What an attacker with the database owner's rights could do: switch off the append-only triggers. Tests use
 * it to prove that `verifyAuditChain` still notices what was changed.
 */
export async function disableAuditProtection(handle: Db): Promise<void> {
  if (handle.dialect === 'sqlite') {
    await sql`drop trigger if exists audit_log_no_update`.execute(handle.db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(handle.db);
    await sql`drop trigger if exists audit_log_listed_no_update`.execute(handle.db);
    await sql`drop trigger if exists audit_log_listed_no_delete`.execute(handle.db);
  } else {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(handle.db);
    await sql`alter table audit_log_listed disable trigger audit_log_listed_no_update_or_delete`.execute(
      handle.db,
    );
  }
}

/** The same for the fold mark of the listed-families index (migration 0026): it may then move down or away. */
export async function disableFoldGuard(handle: Db): Promise<void> {
  if (handle.dialect === 'sqlite') {
    await sql`drop trigger if exists audit_listed_folded_only_up`.execute(handle.db);
    await sql`drop trigger if exists audit_listed_folded_no_delete`.execute(handle.db);
  } else {
    await sql`alter table audit_listed_folded disable trigger audit_listed_folded_only_up`.execute(handle.db);
  }
}
