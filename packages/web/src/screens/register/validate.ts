import type { CaregiverIn, ChildIn, CreateFamilyBody } from '@nestwerk/contract';
import { isCalendarDate } from '@nestwerk/engine';
import type { CaregiverRole } from '@nestwerk/knowledge';

export interface ChildValues {
  born: boolean;
  givenName: string;
  familyName: string;
  birthDate: string;
  dueDate: string;
  firstChild: boolean;
}

export interface CaregiverValues {
  givenName: string;
  familyName: string;
  role: CaregiverRole;
  birthYear: string;
  lowEducation: boolean;
  phone: string;
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
  | 'register.errors.duePast';

/** Field id → message key. Field ids are the input ids, so the summary can link to each field. */
export type Errors = Record<string, ErrorKey>;

export const emptyChild = (familyName = ''): ChildValues => ({
  born: true,
  givenName: '',
  familyName,
  birthDate: '',
  dueDate: '',
  firstChild: false,
});

export const emptyCaregiver = (familyName = ''): CaregiverValues => ({
  givenName: '',
  familyName,
  role: 'mother',
  birthYear: '',
  lowEducation: false,
  phone: '',
});

export function validateChild(child: ChildValues, prefix: string, today: string): Errors {
  const errors: Errors = {};
  if (!child.givenName.trim()) errors[`${prefix}-given`] = 'register.errors.required';
  if (!child.familyName.trim()) errors[`${prefix}-family`] = 'register.errors.required';
  if (child.born) {
    if (!child.birthDate) errors[`${prefix}-birth`] = 'register.errors.required';
    else if (!isCalendarDate(child.birthDate)) errors[`${prefix}-birth`] = 'register.errors.date';
    else if (child.birthDate > today) errors[`${prefix}-birth`] = 'register.errors.birthFuture';
  } else if (!child.dueDate) errors[`${prefix}-due`] = 'register.errors.required';
  else if (!isCalendarDate(child.dueDate)) errors[`${prefix}-due`] = 'register.errors.date';
  return errors;
}

export function validateCaregiver(c: CaregiverValues, prefix: string): Errors {
  const errors: Errors = {};
  if (!c.givenName.trim()) errors[`${prefix}-given`] = 'register.errors.required';
  if (!c.familyName.trim()) errors[`${prefix}-family`] = 'register.errors.required';
  return errors;
}

export function validateFamily(values: FamilyValues, today: string): Errors {
  let errors: Errors = {};
  if (!values.name.trim()) errors['family-name'] = 'register.errors.required';
  errors = { ...errors, ...validateChild(values.child, 'child', today) };
  values.caregivers.forEach((c, i) => {
    errors = { ...errors, ...validateCaregiver(c, `caregiver-${i}`) };
  });
  return errors;
}

export function toChildIn(child: ChildValues): ChildIn {
  const body: ChildIn = { givenName: child.givenName.trim(), familyName: child.familyName.trim() };
  if (child.born) body.birthDate = child.birthDate;
  else body.dueDate = child.dueDate;
  body.firstChild = child.firstChild;
  return body;
}

export function toCaregiverIn(c: CaregiverValues): CaregiverIn {
  const body: CaregiverIn = { givenName: c.givenName.trim(), familyName: c.familyName.trim(), role: c.role };
  const year = Number.parseInt(c.birthYear, 10);
  if (Number.isFinite(year)) body.birthYear = year;
  body.lowEducation = c.lowEducation;
  if (c.phone.trim()) body.phone = c.phone.trim();
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
