import type { ImportMarker } from '@nestwerk/contract';
import type { ImportedRecordRow } from '../repositories/imported-records.ts';

const KIND_TO_LIST = {
  contact: 'contacts',
  agreement: 'agreements',
  consent: 'consents',
  referral: 'referrals',
  screening: 'screenings',
} as const satisfies Partial<Record<ImportedRecordRow['record_kind'], keyof ImportMarker['records']>>;

/**
 * "Imported from <organisation>, <date>" for the family and the records that came with it; null for a family
 * registered here. The family row names the sender; a family imported before the family itself was marked
 * (migration 0021 marked records only) takes the sender and moment of its records.
 */
export function presentImported(rows: readonly ImportedRecordRow[]): ImportMarker | null {
  const head = rows.find((r) => r.record_kind === 'family') ?? rows[0];
  if (!head) return null;
  const records: ImportMarker['records'] = {
    contacts: [],
    agreements: [],
    consents: [],
    referrals: [],
    screenings: [],
  };
  for (const r of rows) {
    const list =
      r.record_kind in KIND_TO_LIST ? KIND_TO_LIST[r.record_kind as keyof typeof KIND_TO_LIST] : null;
    if (list) records[list].push(r.record_id);
  }
  return { organisation: head.source_system, importedAt: head.imported_at, records };
}
