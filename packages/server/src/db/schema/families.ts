import type { CaregiverRole } from '@nestwerk/knowledge';
import type { ColumnType } from 'kysely';
import type { Bool, DateOnly, Timestamp } from './columns.ts';

/** Families, the persons in them (children and caregivers), who cares for them, and transfers between organisations. */

export interface FamilyTable {
  id: string;
  organisation_id: string;
  name: string;
  /** `name` lower-cased without diacritics, for search (db/search-key.ts); kept in step on every write. */
  search_key: string;
  postcode: string | null;
  municipality: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /**
   * The earliest follow-up due of the family's open agreements, null without one: kept by the database's
   * triggers on `agreements` (migration 0029), never written by the app, read by the worklist's sort.
   */
  next_follow_up: ColumnType<string | null, never, never>;
}

export type { CaregiverRole };

export interface PersonTable {
  id: string;
  family_id: string;
  kind: 'child' | 'caregiver';
  given_name: string;
  family_name: string;
  /** "given family" lower-cased without diacritics, for search (db/search-key.ts); kept in step on write. */
  search_key: string;
  /** Children: birth date when born, due date when unborn (exactly one is set). */
  birth_date: DateOnly | null;
  due_date: DateOnly | null;
  first_child: Bool | null;
  /** Caregivers only. */
  caregiver_role: CaregiverRole | null;
  birth_year: number | null;
  low_education: Bool | null;
  phone: string | null;
  /** BSN or INSZ, optional (migration 0015): sealed, found by its keyed digest, shown by its last digits. */
  national_id_system: 'bsn' | 'insz' | null;
  national_id_sealed: string | null;
  national_id_key: string | null;
  national_id_hint: string | null;
  /** Caregivers: parental authority as a professional recorded it (1/0); null while unrecorded. */
  parental_authority: ColumnType<Bool | null, Bool | null | undefined, Bool | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** Which professional or team looks after which family, and from when until when. */
export interface CareRelationshipTable {
  id: string;
  family_id: string;
  user_id: string | null;
  team_id: string | null;
  start_date: DateOnly;
  end_date: DateOnly | null;
  created_by: string;
  created_at: Timestamp;
}

/** A family handed over to another organisation (migration 0017): the sender's record. */
export interface FamilyTransferTable {
  id: string;
  family_id: string;
  organisation_id: string;
  consent_id: string;
  to_organisation: string;
  transferred_by: string;
  transferred_at: Timestamp;
}
