import { z } from 'zod';
import { agreement } from './agreements.ts';
import { assessmentHistoryItem } from './assessment.ts';
import { careNetwork } from './care-network.ts';
import {
  date,
  id,
  idParams,
  optionalText,
  page,
  paging,
  searchText,
  text,
  timestamp,
  version,
} from './common.ts';
import { consent } from './consents.ts';
import { contactSummary } from './contacts.ts';
import { instrumentResult } from './instruments.ts';
import { caregiver, caregiverIn, child, childIn } from './persons.ts';
import { familySelfReport } from './portal.ts';
import { referralSummary } from './referrals.ts';
import { defineRoute } from './route.ts';
import { safetyRoute } from './safety-routes.ts';
import { dueScreening, parentScreenings } from './screenings.ts';
import { userRole } from './session.ts';
import { familyListItem } from './worklist.ts';

/** Dutch (1234 AB) and Belgian (1000) postcodes, loosely: the field is for finding the right region. */
const postcode = z
  .string()
  .trim()
  .refine((v) => /^[0-9]{4}\s?[A-Za-z]{0,2}$/.test(v), {
    message: 'must be a postcode like 1234 AB (NL) or 1000 (BE)',
    params: { code: 'invalid_postcode' },
  });

export const createFamilyBody = z.strictObject({
  name: text(200),
  postcode: postcode.optional(),
  municipality: text(100).optional(),
  children: z.array(childIn).min(1, 'register at least one child (born or unborn)').max(12),
  caregivers: z.array(caregiverIn).max(8).default([]),
});
export type CreateFamilyIn = z.output<typeof createFamilyBody>;
/** What a client sends to register a family (caregivers may be left out). */
export type CreateFamilyBody = z.input<typeof createFamilyBody>;

export const patchFamilyBody = z.strictObject({
  version,
  name: text(200).optional(),
  postcode: postcode.nullable().optional(),
  municipality: optionalText(100),
});
export type PatchFamilyIn = z.output<typeof patchFamilyBody>;

export const familySearchQuery = z.strictObject({ q: searchText, ...paging });
export type FamilySearchIn = z.output<typeof familySearchQuery>;

/** The family itself, without what is recorded about it. */
export const familyHead = z.object({
  id,
  name: z.string(),
  postcode: z.string().nullable(),
  municipality: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type FamilyHead = z.output<typeof familyHead>;

/** A care relationship: who in the organisation may open the file, and from when to when. */
export const careTeamMember = z.object({
  id,
  kind: z.enum(['professional', 'team']),
  memberId: id,
  name: z.string().nullable(),
  /** The professional's role; null for a team. */
  role: userRole.nullable(),
  startDate: date,
  endDate: date.nullable(),
  active: z.boolean(),
});
export type CareTeamMember = z.output<typeof careTeamMember>;

export const accessBasis = z.enum(['care_relationship', 'emergency']);

/** The family file without how the reader came to see it (what the parents' export carries). */
export const familyRecord = familyHead.extend({
  children: z.array(child),
  caregivers: z.array(caregiver),
  agreements: z.array(agreement),
  consents: z.array(consent),
  instrumentResults: z.array(instrumentResult),
  careTeam: z.array(careTeamMember),
  /** Who is involved with the family (wrapped care). */
  careNetwork,
  referrals: z.array(referralSummary),
  /** The open safety route, else the most recent one; null when none was ever opened. */
  safetyRoute: safetyRoute.nullable(),
  /** Perinatal screenings per screened parent (mother, father, co-parent), newest first. */
  screenings: z.array(parentScreenings),
});
export type FamilyRecord = z.output<typeof familyRecord>;

/**
 * Where a file brought in by a FHIR import came from: "imported from <organisation>, <date>". The family shows it,
 * and so does every record that came with it (listed by kind). A file is imported once, from one sender.
 */
export const importMarker = z.object({
  /** The sending organisation as the Bundle named it. */
  organisation: z.string(),
  importedAt: timestamp,
  records: z.object({
    contacts: z.array(id),
    agreements: z.array(id),
    consents: z.array(id),
    referrals: z.array(id),
    screenings: z.array(id),
  }),
});
export type ImportMarker = z.output<typeof importMarker>;

/** The family file as a professional opens it. */
export const familyFile = familyRecord.extend({
  /** Null for a family registered here. */
  imported: importMarker.nullable(),
  contacts: z.array(contactSummary),
  /** Suggested and agreed estimates, oldest first. */
  assessments: z.array(assessmentHistoryItem),
  /** Schedule moments due or overdue today, per screened parent. */
  dueScreenings: z.array(dueScreening),
  /** What parents told before a visit in the portal, newest first, marked `source: 'parent'` ("gemeld door ouder"). */
  selfReports: z.array(familySelfReport),
  /** How this user came to see the file: the UI shows a banner while it is open under emergency access. */
  access: z.object({ basis: accessBasis, emergencyExpiresAt: timestamp.nullable() }),
});
export type FamilyFile = z.output<typeof familyFile>;

export const families = {
  search: defineRoute({
    method: 'GET',
    path: '/api/families',
    summary: 'Find families the user may see, by family name, child name or birth date',
    tags: ['families'],
    query: familySearchQuery,
    response: page(familyListItem),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/families',
    summary: 'Register a family with its children and caregivers',
    tags: ['families'],
    body: createFamilyBody,
    status: 201,
    response: familyFile,
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/families/:id',
    summary: 'The family file',
    tags: ['families'],
    params: idParams,
    response: familyFile,
  }),
  patch: defineRoute({
    method: 'PATCH',
    path: '/api/families/:id',
    summary: "Correct the family's name, postcode or municipality",
    tags: ['families'],
    params: idParams,
    body: patchFamilyBody,
    response: familyFile,
    errors: [409],
  }),
};
