import { z } from 'zod';
import { id, timestamp } from './common.ts';

/**
 * Moving a family between organisations over FHIR: the import of a Bundle (any Nestwerk export, or one shaped
 * like it) and the sending side's transfer. The Bundle's resources are read by the server, which reports what
 * is wrong per entry; the contract checks only that it is a Bundle.
 */
export const importBundleBody = z.looseObject({ resourceType: z.literal('Bundle') });

/** One rejected entry of an import: where (index, resource type, path) and what (a stable code). */
export const importIssue = z.object({
  entry: z.number().int(),
  resourceType: z.string(),
  path: z.string(),
  code: z.string(),
});
export type ImportIssue = z.output<typeof importIssue>;

export const importResult = z.object({
  familyId: id,
  /** False when the family was imported before (found by the child's BSN/INSZ or the sender's family id). */
  created: z.boolean(),
});
export type ImportResult = z.output<typeof importResult>;

export const transferBody = z.strictObject({
  /** The parents' consent to share the file with the receiving organisation: its recipient is the receiver. */
  consentId: id,
});
export type TransferIn = z.output<typeof transferBody>;

export const familyTransfer = z.object({
  id,
  familyId: id,
  toOrganisation: z.string(),
  consentId: id,
  transferredBy: id,
  transferredAt: timestamp,
});
export type FamilyTransfer = z.output<typeof familyTransfer>;

export const transferResult = z.object({
  transfer: familyTransfer,
  /** The file as a FHIR R4 Bundle, for the receiving organisation to import. */
  bundle: z.looseObject({ resourceType: z.literal('Bundle') }),
});
export type TransferResult = z.output<typeof transferResult>;
