import { CAREGIVER_ROLES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { date, id, idParams, text, version } from './common.ts';
import { maskedNationalId, nationalIdText, revealedNationalId } from './national-id.ts';
import { defineRoute } from './route.ts';

const name = text(100);
const birthYear = z.number().int().min(1900).max(2200);
const phone = z
  .string()
  .trim()
  .refine((v) => /^\+?[0-9 ()-]{6,20}$/.test(v), {
    message: 'must be a phone number (digits, spaces, +, -, parentheses)',
    params: { code: 'invalid_phone' },
  });

const childShape = {
  givenName: name,
  familyName: name,
  birthDate: date.optional(),
  dueDate: date.optional(),
  firstChild: z.boolean().optional(),
  /** BSN (nl) or INSZ (be), optional. */
  nationalId: nationalIdText.optional(),
};

function bornOrUnborn(
  c: { birthDate?: string | undefined; dueDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if ((c.birthDate === undefined) === (c.dueDate === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: 'give exactly one of birthDate (born) or dueDate (unborn)',
    });
}

/** A child, born (birthDate) or unborn (dueDate), never both. */
export const childIn = z.strictObject(childShape).superRefine(bornOrUnborn);

export const caregiverIn = z.strictObject({
  givenName: name,
  familyName: name,
  role: z.enum(CAREGIVER_ROLES),
  birthYear: birthYear.optional(),
  lowEducation: z.boolean().optional(),
  phone: phone.optional(),
  nationalId: nationalIdText.optional(),
});

export type ChildIn = z.output<typeof childIn>;
export type CaregiverIn = z.output<typeof caregiverIn>;

/** A child or a caregiver with its `kind`, added to a registered family. */
export const personIn = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('child'), ...childShape }).superRefine(bornOrUnborn),
  z.strictObject({ kind: z.literal('caregiver'), ...caregiverIn.shape }),
]);
export type PersonIn = z.output<typeof personIn>;

/** Any field of the person's kind; `null` clears an optional one. */
export const personPatch = z.strictObject({
  version,
  givenName: name.optional(),
  familyName: name.optional(),
  birthDate: date.nullable().optional(),
  dueDate: date.nullable().optional(),
  firstChild: z.boolean().nullable().optional(),
  role: z.enum(CAREGIVER_ROLES).optional(),
  birthYear: birthYear.nullable().optional(),
  lowEducation: z.boolean().nullable().optional(),
  phone: phone.nullable().optional(),
  nationalId: nationalIdText.nullable().optional(),
});
export type PersonPatchIn = z.output<typeof personPatch>;

export const child = z.object({
  id,
  kind: z.literal('child'),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: date.nullable(),
  dueDate: date.nullable(),
  firstChild: z.boolean().nullable(),
  nationalId: maskedNationalId.nullable(),
  version,
});
export type Child = z.output<typeof child>;

export const caregiver = z.object({
  id,
  kind: z.literal('caregiver'),
  givenName: z.string(),
  familyName: z.string(),
  role: z.enum(CAREGIVER_ROLES).nullable(),
  birthYear: z.number().int().nullable(),
  lowEducation: z.boolean().nullable(),
  phone: z.string().nullable(),
  nationalId: maskedNationalId.nullable(),
  version,
});
export type Caregiver = z.output<typeof caregiver>;

export const person = z.discriminatedUnion('kind', [child, caregiver]);
export type Person = z.output<typeof person>;

export const persons = {
  add: defineRoute({
    method: 'POST',
    path: '/api/families/:id/persons',
    summary: 'Add a child or a caregiver to a family',
    tags: ['persons'],
    params: idParams,
    body: personIn,
    status: 201,
    response: person,
  }),
  patch: defineRoute({
    method: 'PATCH',
    path: '/api/persons/:id',
    summary: 'Correct a child or a caregiver',
    tags: ['persons'],
    params: idParams,
    body: personPatch,
    response: person,
    errors: [409],
  }),
  nationalId: defineRoute({
    method: 'GET',
    path: '/api/persons/:id/national-id',
    summary: "The person's whole BSN or INSZ (an audited read of its own)",
    tags: ['persons'],
    params: idParams,
    response: revealedNationalId,
  }),
};
