import {
  type CaregiverIn,
  type ChildIn,
  type CreateFamilyBody,
  isValidNationalId,
  type NationalIdSystem,
  nationalIdDigits,
  nationalIdIssueCode,
} from '@nestwerk/contract';
import { isCalendarDate } from '@nestwerk/engine';
import type { CaregiverRole } from '@nestwerk/knowledge';

export interface ChildValues {
  born: boolean;
  givenName: string;
  familyName: string;
  birthDate: string;
  dueDate: string;
  firstChild: boolean;
  /** BSN or INSZ as typed; empty = none (or, when editing, keep the stored one). */
  nationalId: string;
}

export interface CaregiverValues {
  givenName: string;
  familyName: string;
  role: CaregiverRole;
  birthYear: string;
  lowEducation: boolean;
  phone: string;
  nationalId: string;
}

export interface FamilyValues {
  name: string;
  postcode: string;
  municipality: string;
  child: ChildValues;
  caregivers: CaregiverValues[];
}

export type ErrorKey =
  | 'register.errors.required'
  | 'register.errors.date'
  | 'register.errors.birthFuture'
  | 'register.errors.duePast'
  | 'app.fieldErrors.invalid_bsn'
  | 'app.fieldErrors.invalid_insz';

/** Field id → message key. Field ids are the input ids, so the summary can link to each field. */
export type Errors = Record<string, ErrorKey>;

/** The contract's length limits (persons.ts, families.ts), counted down at the fields. */
export const NAME_MAX = 100;
export const FAMILY_NAME_MAX = 200;
export const MUNICIPALITY_MAX = 100;

const PERSON_INPUTS: Readonly<Record<string, string>> = {
  givenName: 'given',
  familyName: 'family',
  birthDate: 'birth',
  dueDate: 'due',
  birthYear: 'year',
  phone: 'phone',
  role: 'role',
  nationalId: 'national-id',
};

/** A person's API field (`familyName`) → its input id under `prefix` (`child-family`), or null. */
export function personInputId(path: string, prefix: string): string | null {
  const input = PERSON_INPUTS[path];
  return input ? `${prefix}-${input}` : null;
}

const FAMILY_INPUTS: Readonly<Record<string, string>> = {
  name: 'family-name',
  postcode: 'family-postcode',
  municipality: 'family-municipality',
};

/** A path of POST /api/families (`children.0.familyName`, `caregivers.1.phone`) → the register form's input id. */
export function familyInputId(path: string): string | null {
  const family = FAMILY_INPUTS[path];
  if (family) return family;
  const child = /^children\.0\.(\w+)$/.exec(path);
  if (child?.[1]) return personInputId(child[1], 'child');
  const caregiver = /^caregivers\.(\d+)\.(\w+)$/.exec(path);
  if (caregiver?.[1] && caregiver[2]) return personInputId(caregiver[2], `caregiver-${caregiver[1]}`);
  return null;
}

export const emptyChild = (familyName = ''): ChildValues => ({
  born: true,
  givenName: '',
  familyName,
  birthDate: '',
  dueDate: '',
  firstChild: false,
  nationalId: '',
});

export const emptyCaregiver = (familyName = ''): CaregiverValues => ({
  givenName: '',
  familyName,
  role: 'mother',
  birthYear: '',
  lowEducation: false,
  phone: '',
  nationalId: '',
});

/**
 * A number typed is held to the region's check digits here as the server will hold it, so that one press of the
 * button shows every mistake at once (the server's message, its issue code's translation).
 */
function checkNationalId(
  errors: Errors,
  prefix: string,
  typed: string | undefined,
  system: NationalIdSystem,
) {
  const text = (typed ?? '').trim();
  if (text !== '' && !isValidNationalId(system, nationalIdDigits(text)))
    errors[`${prefix}-national-id`] = `app.fieldErrors.${nationalIdIssueCode(system)}`;
}

export function validateChild(
  child: ChildValues,
  prefix: string,
  today: string,
  system: NationalIdSystem,
): Errors {
  const errors: Errors = {};
  if (!child.givenName.trim()) errors[`${prefix}-given`] = 'register.errors.required';
  if (!child.familyName.trim()) errors[`${prefix}-family`] = 'register.errors.required';
  if (child.born) {
    if (!child.birthDate) errors[`${prefix}-birth`] = 'register.errors.required';
    else if (!isCalendarDate(child.birthDate)) errors[`${prefix}-birth`] = 'register.errors.date';
    else if (child.birthDate > today) errors[`${prefix}-birth`] = 'register.errors.birthFuture';
  } else if (!child.dueDate) errors[`${prefix}-due`] = 'register.errors.required';
  else if (!isCalendarDate(child.dueDate)) errors[`${prefix}-due`] = 'register.errors.date';
  checkNationalId(errors, prefix, child.nationalId, system);
  return errors;
}

export function validateCaregiver(c: CaregiverValues, prefix: string, system: NationalIdSystem): Errors {
  const errors: Errors = {};
  if (!c.givenName.trim()) errors[`${prefix}-given`] = 'register.errors.required';
  if (!c.familyName.trim()) errors[`${prefix}-family`] = 'register.errors.required';
  checkNationalId(errors, prefix, c.nationalId, system);
  return errors;
}

export function validateFamily(values: FamilyValues, today: string, system: NationalIdSystem): Errors {
  let errors: Errors = {};
  if (!values.name.trim()) errors['family-name'] = 'register.errors.required';
  errors = { ...errors, ...validateChild(values.child, 'child', today, system) };
  values.caregivers.forEach((c, i) => {
    errors = { ...errors, ...validateCaregiver(c, `caregiver-${i}`, system) };
  });
  return errors;
}

export function toChildIn(child: ChildValues): ChildIn {
  const body: ChildIn = { givenName: child.givenName.trim(), familyName: child.familyName.trim() };
  if (child.born) body.birthDate = child.birthDate;
  else body.dueDate = child.dueDate;
  body.firstChild = child.firstChild;
  // A draft saved before this field existed has none.
  const nationalId = (child.nationalId ?? '').trim();
  if (nationalId) body.nationalId = nationalId;
  return body;
}

export function toCaregiverIn(c: CaregiverValues): CaregiverIn {
  const body: CaregiverIn = { givenName: c.givenName.trim(), familyName: c.familyName.trim(), role: c.role };
  const year = Number.parseInt(c.birthYear, 10);
  if (Number.isFinite(year)) body.birthYear = year;
  body.lowEducation = c.lowEducation;
  if (c.phone.trim()) body.phone = c.phone.trim();
  const nationalId = (c.nationalId ?? '').trim();
  if (nationalId) body.nationalId = nationalId;
  return body;
}

export function toFamilyIn(values: FamilyValues): CreateFamilyBody {
  const body: CreateFamilyBody = {
    name: values.name.trim(),
    children: [toChildIn(values.child)],
    caregivers: values.caregivers.map(toCaregiverIn),
  };
  if (values.postcode.trim()) body.postcode = values.postcode.trim();
  if (values.municipality.trim()) body.municipality = values.municipality.trim();
  return body;
}
