import type { Timestamp } from './columns.ts';

/** Records imported from other systems (FHIR) and their import runs. */

/** A Bundle imported as a family (migration 0017), by the sender's family id: a second import finds it. */
/** A record an import brought in, with where it came from (migration 0021). */
export interface ImportedRecordTable {
  id: string;
  family_id: string;
  /**
   * What was imported: the family itself (record_id the family), its records, and a `partner` placeholder an
   * imported referral needed for a partner this organisation does not know.
   */
  record_kind:
    | 'family'
    | 'contact'
    | 'agreement'
    | 'consent'
    | 'referral'
    | 'screening'
    | 'instrument_response'
    | 'partner';
  record_id: string;
  /** The sending organisation's name, as the Bundle gives it. */
  source_system: string;
  source_id: string | null;
  /** The professional the sender named (an Encounter's participant), who has no user here. */
  source_author: string | null;
  imported_by: string;
  imported_at: Timestamp;
}

export interface FamilyImportTable {
  id: string;
  family_id: string;
  organisation_id: string;
  source_family_id: string;
  imported_by: string;
  imported_at: Timestamp;
}
