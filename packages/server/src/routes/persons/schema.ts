import { PARENT_ROLES } from '@nestwerk/engine';
import { z } from 'zod';
import { date, text, version } from '../shared/schemas.ts';

const name = text(100);
const birthYear = z.number().int().min(1900).max(2200);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (digits, spaces, +, -, parentheses)');

const childShape = {
  givenName: name,
  familyName: name,
  birthDate: date.optional(),
  dueDate: date.optional(),
  firstChild: z.boolean().optional(),
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

/** `ChildIn` (docs/api.md): born (birthDate) or unborn (dueDate), never both. */
export const childIn = z.strictObject(childShape).superRefine(bornOrUnborn);

export const caregiverIn = z.strictObject({
  givenName: name,
  familyName: name,
  role: z.enum(PARENT_ROLES),
  birthYear: birthYear.optional(),
  lowEducation: z.boolean().optional(),
  phone: phone.optional(),
});

export type ChildIn = z.infer<typeof childIn>;
export type CaregiverIn = z.infer<typeof caregiverIn>;

/** POST /api/families/:id/persons: a ChildIn or CaregiverIn with its `kind`. */
export const personIn = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('child'), ...childShape }).superRefine(bornOrUnborn),
  z.strictObject({ kind: z.literal('caregiver'), ...caregiverIn.shape }),
]);

/** PATCH /api/persons/:id: any field of the person's kind; `null` clears an optional one. */
export const personPatch = z.strictObject({
  version,
  givenName: name.optional(),
  familyName: name.optional(),
  birthDate: date.nullable().optional(),
  dueDate: date.nullable().optional(),
  firstChild: z.boolean().nullable().optional(),
  role: z.enum(PARENT_ROLES).optional(),
  birthYear: birthYear.nullable().optional(),
  lowEducation: z.boolean().nullable().optional(),
  phone: phone.nullable().optional(),
});

export type PersonPatchIn = z.infer<typeof personPatch>;
