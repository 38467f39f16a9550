import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type AuditOutcome, appendAudit } from '../audit/append.ts';
import type { Database, Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { normaliseEmail } from './login.ts';
import { clearAccountFailures } from './login-throttle.ts';
import { hashPassword } from './password.ts';
import { forgetRecoveryCodes } from './recovery-codes.ts';
import { deleteUserSessions } from './session-store.ts';
import { forgetTotpSteps } from './totp.ts';

/**
 * What a change to an account does once it may take effect — at once, or when its request is approved. Each
 * runs inside the caller's transaction, together with the audit row.
 */

/** No 0/O, 1/l/i: it is read off a screen and typed in by someone else. About 99 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export interface AdminActor {
  userId: string;
  role: Role;
  organisationId: string;
}

/** One audit row of the user administration, in the transaction of the change it records. */
export function auditAdmin(
  trx: Transaction<Database>,
  actor: AdminActor,
  clientIp: string | null,
  action: string,
  details: Record<string, unknown>,
  options: { outcome?: AuditOutcome; familyId?: string | null; at?: string } = {},
) {
  return appendAudit(trx, {
    action,
    outcome: options.outcome ?? 'success',
    userId: actor.userId,
    userRole: actor.role,
    organisationId: actor.organisationId,
    // Administration is done for the organisation, as in auditAuth.
    onBehalfOf: `organisation:${actor.organisationId}`,
    basis: 'admin',
    clientIp,
    familyId: options.familyId ?? null,
    details,
    ...(options.at ? { at: options.at } : {}),
  });
}

/** A team of the organisation, or a 400 naming `teamId`: another organisation's team does not exist. */
export async function assertOwnTeam(
  db: Kysely<Database>,
  organisationId: string,
  teamId: string | null | undefined,
): Promise<void> {
  if (!teamId) return;
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!team)
    throw new HttpError('invalid_input', 'No such team in your organisation.', 'teamId').because(
      'not_in_organisation',
    );
}

/**
 * Whose the address is. The caller may tell its own organisation's manager that a colleague has it (they see
 * their users anyway), never that someone in another organisation does.
 */
export async function emailOwner(
  db: Kysely<Database>,
  email: string,
  organisationId: string,
): Promise<'free' | 'own' | 'elsewhere'> {
  const taken = await db
    .selectFrom('users')
    .select('organisation_id')
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (!taken) return 'free';
  return taken.organisation_id === organisationId ? 'own' : 'elsewhere';
}

export async function assertEmailFree(db: Kysely<Database>, email: string): Promise<void> {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (taken)
    throw new HttpError('conflict', 'An account with this e-mail address already exists.', 'email').because(
      'taken',
    );
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

/** A new account with a temporary password; the user changes it and enrols TOTP at the first log-in. */
export async function insertAccount(
  trx: Transaction<Database>,
  organisationId: string,
  input: NewAccount,
  at: string,
): Promise<{ id: string; temporaryPassword: string }> {
  await assertOwnTeam(trx, organisationId, input.teamId);
  await assertEmailFree(trx, input.email);
  const password = temporaryPassword();
  const id = uuidv7();
  await trx
    .insertInto('users')
    .values({
      id,
      organisation_id: organisationId,
      team_id: input.teamId,
      email: normaliseEmail(input.email),
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashPassword(password),
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: 0,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: at,
      version: 1,
    })
    .execute();
  return { id, temporaryPassword: password };
}

/**
 * A temporary password the user must replace at the next log-in; every session of the user ends and a lockout
 * is lifted. `resetTotp` is for a lost phone: the user enrols again.
 */
export async function resetCredentials(
  trx: Transaction<Database>,
  target: { id: string; email: string },
  resetTotp: boolean,
): Promise<string> {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await trx
    .updateTable('users')
    .set((eb) => ({
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      version: eb('version', '+', 1),
      ...(resetTotp ? { totp_secret: null, totp_enrolled_at: null } : {}),
    }))
    .where('id', '=', target.id)
    .execute();
  await deleteUserSessions(trx, target.id);
  await clearAccountFailures(trx, normaliseEmail(target.email));
  if (resetTotp) {
    await forgetTotpSteps(trx, target.id);
    // A new authenticator gets new recovery codes at enrolment; the old paper ones must not outlive the reset.
    await forgetRecoveryCodes(trx, target.id);
  }
  return password;
}

/** A new role and team; the user logs in again, so no session carries the old ones. */
export async function applyAssignment(
  trx: Transaction<Database>,
  organisationId: string,
  targetId: string,
  assignment: { role: Role; teamId: string | null },
): Promise<void> {
  await assertOwnTeam(trx, organisationId, assignment.teamId);
  await trx
    .updateTable('users')
    .set((eb) => ({ role: assignment.role, team_id: assignment.teamId, version: eb('version', '+', 1) }))
    .where('id', '=', targetId)
    .execute();
  await deleteUserSessions(trx, targetId);
}

/** Disabled: log-in is refused and every session ends now, not when it would have expired. */
export async function setDisabled(
  trx: Transaction<Database>,
  targetId: string,
  disabledAt: string | null,
): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      disabled_at: disabledAt,
      failed_logins: 0,
      locked_until: null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', targetId)
    .execute();
  if (disabledAt !== null) await deleteUserSessions(trx, targetId);
}
