import {
  CUE_CODES,
  FACTOR_CODES,
  IMH_REFERRAL_REASON_CODES,
  INTERVENTION_CODES,
  PARENT_FACTOR_CODES,
  PARTNER_KIND_CODES,
  REFERRAL_CRITERION_CODES,
  SHARE_ITEMS,
} from '@nestwerk/knowledge';
import { z } from 'zod';
import { id } from './common.ts';

/** The knowledge's codes as schemas: an unknown code is a 400 naming the field. */
export const cueCode = z.enum(CUE_CODES);
export const factorCode = z.enum(FACTOR_CODES);
export const parentFactorCode = z.enum(PARENT_FACTOR_CODES);
export const criterionCode = z.enum(REFERRAL_CRITERION_CODES);
export const imhReasonCode = z.enum(IMH_REFERRAL_REASON_CODES);
export const interventionCode = z.enum(INTERVENTION_CODES);
export const partnerKindCode = z.enum(PARTNER_KIND_CODES);
/** What a referral can carry, and so what a consent can cover. */
export const shareItem = z.enum(SHARE_ITEMS);

/** A user-facing text from the knowledge: Dutch, English, and Flemish wording where it differs. */
export const knowledgeText = z.object({ nl: z.string(), en: z.string(), nlBE: z.string().optional() });

/** Someone named in a record: a user or a person of the family; the name is null when it is unknown here. */
export const who = z.object({ id, name: z.string().nullable() });
