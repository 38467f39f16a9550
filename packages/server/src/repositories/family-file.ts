import { PostgresAdapter } from 'kysely';
import { type AgreementRow, listAgreements } from './agreements.ts';
import { type CareTeamRow, listCareTeam } from './care-relationships.ts';
import { type ConsentRow, listConsents } from './consents.ts';
import { type ContactSummaryRow, listContactSummaries } from './contacts.ts';
import type { Db } from './db.ts';
import { type FamilyRow, findFamily } from './families.ts';
import { loadFamilyFileAtOnce } from './family-file-at-once.ts';
import { type FamilyNetworkRows, loadFamilyNetwork } from './family-network.ts';
import { type ImportedRecordRow, listImportedRecords } from './imported-records.ts';
import { type InstrumentResponseRow, listInstrumentResponses } from './instrument-responses.ts';
import { listParentScreenings, type ParentScreeningRow } from './parent-screenings.ts';
import { listPersons, type PersonRow } from './persons.ts';
import { type ParentSelfReportRow, selfReportsOfFamily } from './portal.ts';

/** Everything in one family's file, as stored. The presenter decides what of it leaves the server. */
export interface FamilyFile {
  family: FamilyRow;
  persons: PersonRow[];
  contacts: ContactSummaryRow[];
  agreements: AgreementRow[];
  consents: ConsentRow[];
  instrumentResponses: InstrumentResponseRow[];
  careTeam: CareTeamRow[];
  /** Parents' perinatal screenings, newest first. */
  screenings: ParentScreeningRow[];
  /** Care network, referrals and safety route: the file shows who else is involved and what was shared. */
  network: FamilyNetworkRows;
  /** Parents' own reports from the portal, newest first. */
  selfReports: ParentSelfReportRow[];
  /** What a FHIR import brought in (empty for a family registered here). */
  imported: ImportedRecordRow[];
}

/**
 * A fixed number of queries per file whatever its size (no query per contact); on PostgreSQL all of them in
 * one statement (family-file-at-once.ts), as SQLite has no round trips to save. Used by the family read, the
 * export, and the bench's bare baseline route, so the baseline runs exactly the same queries.
 */
export async function loadFamilyFile(db: Db, familyId: string): Promise<FamilyFile | undefined> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return loadFamilyFileAtOnce(db, familyId);
  return loadFamilyFileBySteps(db, familyId);
}

/** The file one query at a time: SQLite's way, and the reference the one-statement form is tested against. */
export async function loadFamilyFileBySteps(db: Db, familyId: string): Promise<FamilyFile | undefined> {
  const family = await findFamily(db, familyId);
  if (!family) return undefined;
  const [
    persons,
    contacts,
    agreements,
    consents,
    instrumentResponses,
    careTeam,
    screenings,
    network,
    selfReports,
    imported,
  ] = await Promise.all([
    listPersons(db, familyId),
    listContactSummaries(db, familyId),
    listAgreements(db, familyId),
    listConsents(db, familyId),
    listInstrumentResponses(db, familyId),
    listCareTeam(db, familyId),
    listParentScreenings(db, familyId),
    loadFamilyNetwork(db, familyId),
    selfReportsOfFamily(db, familyId),
    listImportedRecords(db, familyId),
  ]);
  return {
    family,
    persons,
    contacts,
    agreements,
    consents,
    instrumentResponses,
    careTeam,
    screenings,
    network,
    selfReports,
    imported,
  };
}
