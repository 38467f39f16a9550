import { z } from 'zod';
import { caregiverIn, childIn } from '../persons/schema.ts';
import { optionalText, paging, searchText, text, version } from '../shared/schemas.ts';

/** Dutch (1234 AB) and Belgian (1000) postcodes, loosely: the field is for finding the right region. */
const postcode = z
  .string()
  .trim()
  .regex(/^[0-9]{4}\s?[A-Za-z]{0,2}$/, 'must be a postcode like 1234 AB (NL) or 1000 (BE)');

export const createFamilyBody = z.strictObject({
  name: text(200),
  postcode: postcode.optional(),
  municipality: text(100).optional(),
  children: z.array(childIn).min(1, 'register at least one child (born or unborn)').max(12),
  caregivers: z.array(caregiverIn).max(8).default([]),
});

export const patchFamilyBody = z.strictObject({
  version,
  name: text(200).optional(),
  postcode: postcode.nullable().optional(),
  municipality: optionalText(100),
});

export const searchQuery = z.strictObject({ q: searchText, ...paging });

export type CreateFamilyIn = z.infer<typeof createFamilyBody>;
export type PatchFamilyIn = z.infer<typeof patchFamilyBody>;
export type SearchIn = z.infer<typeof searchQuery>;
