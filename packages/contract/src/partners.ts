import { DOC, type SourceDocument } from '@nestwerk/knowledge';
import { z } from 'zod';
import { interventionCode, knowledgeText, partnerKindCode } from './codes.ts';
import {
  emptyBody,
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
import { defineRoute } from './route.ts';

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,28}$/, 'must be a phone number like 030 123 4567 or +32 2 123 45 67');
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }));
export const website = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/i, 'must be a web address starting with https:// or http://');
const feedbackDays = z.number().int().min(1).max(365);
const country = z.enum(['nl', 'be']);

const registrationIn = z.strictObject({
  phone: phone.optional(),
  email: email.optional(),
  /** The partner's organisation on Nestwerk, when it receives referrals in its intake queue. */
  nestwerkOrganisationId: id.optional(),
  note: text(1000).optional(),
});

const agreementsIn = z.strictObject({
  feedbackDays: feedbackDays.optional(),
  dataExchange: text(1000).optional(),
});

export const partnerIn = z.strictObject({
  name: text(200),
  kind: partnerKindCode,
  country,
  region: text(100),
  municipalities: z.array(text(100)).max(200).default([]),
  interventions: z.array(interventionCode).max(50).default([]),
  address: text(300).optional(),
  phone: phone.optional(),
  email: email.optional(),
  website: website.optional(),
  registration: registrationIn.default({}),
  agreements: agreementsIn.default({}),
  reachability: text(500).optional(),
  note: text(2000).optional(),
});

export const partnerPatch = z.strictObject({
  version,
  name: text(200).optional(),
  kind: partnerKindCode.optional(),
  country: country.optional(),
  region: text(100).optional(),
  municipalities: z.array(text(100)).max(200).optional(),
  interventions: z.array(interventionCode).max(50).optional(),
  address: optionalText(300),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  website: website.nullable().optional(),
  registration: z
    .strictObject({
      phone: phone.nullable().optional(),
      email: email.nullable().optional(),
      nestwerkOrganisationId: id.nullable().optional(),
      note: optionalText(1000),
    })
    .optional(),
  agreements: z
    .strictObject({ feedbackDays: feedbackDays.nullable().optional(), dataExchange: optionalText(1000) })
    .optional(),
  reachability: optionalText(500),
  note: optionalText(2000),
});

export const partnerQuery = z.strictObject({
  q: searchText,
  country: country.optional(),
  region: searchText,
  municipality: searchText,
  kind: partnerKindCode.optional(),
  intervention: interventionCode.optional(),
  archived: z.enum(['include', 'exclude']).default('exclude'),
  ...paging,
});

/** The CSV travels as text inside JSON: the API speaks JSON only. */
export const importBody = z.strictObject({
  csv: z.string().min(1, 'must not be empty').max(4_000_000),
  dryRun: z.boolean().default(false),
});

export type PartnerIn = z.output<typeof partnerIn>;
export type PartnerPatchIn = z.output<typeof partnerPatch>;
export type PartnerQueryIn = z.output<typeof partnerQuery>;
export type ImportIn = z.output<typeof importBody>;

/** A social-map entry: organisation data only, nothing about families. */
export const partner = z.object({
  id,
  name: z.string(),
  kind: z.string(),
  country,
  region: z.string(),
  municipalities: z.array(z.string()),
  interventions: z.array(z.string()),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  /** How to register a family with this partner. */
  registration: z.object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    /** The partner works in Nestwerk: a referral arrives in its intake queue. */
    viaNestwerk: z.boolean(),
    nestwerkOrganisationId: id.nullable(),
    note: z.string().nullable(),
  }),
  agreements: z.object({ feedbackDays: z.number().int().nullable(), dataExchange: z.string().nullable() }),
  reachability: z.string().nullable(),
  note: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Partner = z.output<typeof partner>;

const documents = Object.values(DOC) as [SourceDocument, ...SourceDocument[]];
const sourceRef = z.object({ document: z.enum(documents), ref: z.string() });

export const partnerKind = z.object({
  code: partnerKindCode,
  sector: z.enum(['medical', 'support', 'mental_health', 'safety', 'childcare']),
  /** Where this kind of partner exists under this name. */
  regions: z.array(z.enum(['nl', 'be'])),
  label: knowledgeText,
  description: knowledgeText,
  sources: z.array(sourceRef),
});

/** A CSV line the import refused, and why; `row` when the whole line is at fault. */
/** `reason` in English; `code` and `params` say it in stable words a client translates (see `fieldIssue`). */
export const importRejection = z.object({
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(importRejection),
});
export type ImportReport = z.output<typeof importReport>;

const tags = ['social map'];

export const partners = {
  kinds: defineRoute({
    method: 'GET',
    path: '/api/partner-kinds',
    summary: 'The kinds of partner organisation, with labels and sources (knowledge, not data)',
    tags,
    response: z.object({ items: z.array(partnerKind) }),
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/partners',
    summary: 'Search the organisation’s social map',
    tags,
    query: partnerQuery,
    response: page(partner),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/partners',
    summary: 'Add a partner to the social map',
    tags,
    body: partnerIn,
    status: 201,
    response: partner,
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/partners/export',
    summary: 'The social map as CSV',
    tags,
    produces: 'text/csv',
    response: z.string(),
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/partners/import',
    summary: 'Import partners from CSV (all or nothing; a dry run reports only)',
    tags,
    body: importBody,
    response: importReport,
    errors: [413, 422],
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/partners/:id',
    summary: 'A partner of the social map',
    tags,
    params: idParams,
    response: partner,
  }),
  patch: defineRoute({
    method: 'PATCH',
    path: '/api/partners/:id',
    summary: 'Change a partner',
    tags,
    params: idParams,
    body: partnerPatch,
    response: partner,
    errors: [409],
  }),
  archive: defineRoute({
    method: 'DELETE',
    path: '/api/partners/:id',
    summary: 'Archive a partner: kept for the referrals that name it, no longer offered',
    tags,
    params: idParams,
    body: emptyBody,
    response: partner,
  }),
};
