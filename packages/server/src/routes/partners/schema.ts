import { z } from 'zod';
import { interventionCode, partnerKindCode } from '../../network/vocabulary.ts';
import { id, optionalText, paging, searchText, text, version } from '../shared/schemas.ts';

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

export type PartnerIn = z.infer<typeof partnerIn>;
export type PartnerPatchIn = z.infer<typeof partnerPatch>;
export type PartnerQueryIn = z.infer<typeof partnerQuery>;
export type ImportIn = z.infer<typeof importBody>;
