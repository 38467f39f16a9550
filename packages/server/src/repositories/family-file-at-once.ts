import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { precompiled } from '../db/precompiled.ts';
import { agreementsOfFamilyQuery } from './agreements.ts';
import { careNetworkOfFamilyQuery } from './care-network.ts';
import { careTeamOfFamilyQuery } from './care-relationships.ts';
import { consentsOfFamilyQuery } from './consents.ts';
import { contactSummariesOfFamilyQuery } from './contacts.ts';
import type { Db } from './db.ts';
import { familyByIdQuery } from './families.ts';
import type { FamilyFile } from './family-file.ts';
import { withStepsAndNames } from './family-network.ts';
import { importedOfFamilyQuery } from './imported-records.ts';
import { instrumentResponsesOfFamilyQuery } from './instrument-responses.ts';
import { screeningsOfFamilyQuery } from './parent-screenings.ts';
import { personsOfFamilyQuery } from './persons.ts';
import { selfReportsOfQuery } from './portal.ts';
import { referralsOfFamilyQuery } from './referrals.ts';
import { currentSafetyRouteOfFamilyQuery } from './safety-routes.ts';

/**
 * The family file in one statement, on PostgreSQL: each of the file's queries — the very builders the
 * separate reads run — becomes a JSON subquery of one SELECT. Every statement to PostgreSQL is a round trip
 * that wakes the database's process and then ours; thirteen of them per file were most of a read's server CPU
 * (`writev` was 74 % of the bare read's profile on PostgreSQL). Rows come back as JSON with the values the
 * driver would give (text, integers, floats: `family-file-at-once.test.ts` compares the two ways on every demo
 * family). Only a safety route's steps and names still take two more trips, for the few families with one.
 * The access check can carry the same columns (policies/family-facts.ts), saving the read one more trip.
 */
export function familyFileColumns(db: Db, familyId: string) {
  return [
    jsonObjectFrom(familyByIdQuery(db, familyId)).as('family'),
    jsonArrayFrom(personsOfFamilyQuery(db, familyId)).as('persons'),
    jsonArrayFrom(contactSummariesOfFamilyQuery(db, familyId)).as('contacts'),
    jsonArrayFrom(agreementsOfFamilyQuery(db, familyId)).as('agreements'),
    jsonArrayFrom(consentsOfFamilyQuery(db, familyId)).as('consents'),
    jsonArrayFrom(instrumentResponsesOfFamilyQuery(db, familyId)).as('instrumentResponses'),
    jsonArrayFrom(careTeamOfFamilyQuery(db, familyId)).as('careTeam'),
    jsonArrayFrom(screeningsOfFamilyQuery(db, familyId)).as('screenings'),
    jsonArrayFrom(careNetworkOfFamilyQuery(db, familyId)).as('careNetwork'),
    jsonArrayFrom(referralsOfFamilyQuery(db, familyId)).as('referrals'),
    jsonObjectFrom(currentSafetyRouteOfFamilyQuery(db, familyId)).as('safetyRoute'),
    jsonArrayFrom(selfReportsOfQuery(db, familyId)).as('selfReports'),
    jsonArrayFrom(importedOfFamilyQuery(db, familyId)).as('imported'),
  ] as const;
}

const fileAtOnce = precompiled((db, p: { familyId: string }) =>
  db.selectNoFrom(familyFileColumns(db, p.familyId)),
);

/** A row with the columns of {@link familyFileColumns}, as the driver gives it. */
export type FamilyFileRow = Awaited<ReturnType<typeof fileAtOnce.execute>>[number];

/** PostgreSQL only (the JSON helpers are PostgreSQL's); `loadFamilyFile` chooses. */
export async function loadFamilyFileAtOnce(db: Db, familyId: string): Promise<FamilyFile | undefined> {
  const [row] = await fileAtOnce.execute(db, { familyId });
  return row ? familyFileOfRow(db, row) : undefined;
}

/** The file from a row of {@link familyFileColumns}; undefined when the family is not there. */
export async function familyFileOfRow(db: Db, row: FamilyFileRow): Promise<FamilyFile | undefined> {
  if (!row.family) return undefined;
  return {
    family: row.family,
    persons: row.persons,
    contacts: row.contacts,
    agreements: row.agreements,
    consents: row.consents,
    instrumentResponses: row.instrumentResponses,
    careTeam: row.careTeam,
    screenings: row.screenings,
    network: {
      careNetwork: row.careNetwork,
      referrals: row.referrals,
      safetyRoute: row.safetyRoute ? await withStepsAndNames(db, row.safetyRoute) : null,
    },
    selfReports: row.selfReports,
    imported: row.imported,
  };
}
