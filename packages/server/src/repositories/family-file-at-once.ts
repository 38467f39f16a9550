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
 */
const fileAtOnce = precompiled((db, p: { familyId: string }) =>
  db.selectNoFrom([
    jsonObjectFrom(familyByIdQuery(db, p.familyId)).as('family'),
    jsonArrayFrom(personsOfFamilyQuery(db, p.familyId)).as('persons'),
    jsonArrayFrom(contactSummariesOfFamilyQuery(db, p.familyId)).as('contacts'),
    jsonArrayFrom(agreementsOfFamilyQuery(db, p.familyId)).as('agreements'),
    jsonArrayFrom(consentsOfFamilyQuery(db, p.familyId)).as('consents'),
    jsonArrayFrom(instrumentResponsesOfFamilyQuery(db, p.familyId)).as('instrumentResponses'),
    jsonArrayFrom(careTeamOfFamilyQuery(db, p.familyId)).as('careTeam'),
    jsonArrayFrom(screeningsOfFamilyQuery(db, p.familyId)).as('screenings'),
    jsonArrayFrom(careNetworkOfFamilyQuery(db, p.familyId)).as('careNetwork'),
    jsonArrayFrom(referralsOfFamilyQuery(db, p.familyId)).as('referrals'),
    jsonObjectFrom(currentSafetyRouteOfFamilyQuery(db, p.familyId)).as('safetyRoute'),
    jsonArrayFrom(selfReportsOfQuery(db, p.familyId)).as('selfReports'),
    jsonArrayFrom(importedOfFamilyQuery(db, p.familyId)).as('imported'),
  ]),
);

/** PostgreSQL only (the JSON helpers are PostgreSQL's); `loadFamilyFile` chooses. */
export async function loadFamilyFileAtOnce(db: Db, familyId: string): Promise<FamilyFile | undefined> {
  const [row] = await fileAtOnce.execute(db, { familyId });
  if (!row?.family) return undefined;
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
