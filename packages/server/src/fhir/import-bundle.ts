import { isValidNationalId, type NationalIdSystem, nationalIdIssueCode } from '@nestwerk/contract';
import { isCalendarDate } from '@nestwerk/engine';
import { CAREGIVER_ROLES, type CaregiverRole } from '@nestwerk/knowledge';
import { codeSystemUrl, EXTENSIONS, NATIONAL_ID_SYSTEM, NESTWERK_ID_SYSTEMS, ROLE_CODES } from './mapping.ts';

/**
 * Reads a family out of a FHIR R4 Bundle as Nestwerk exports it (or one shaped like it): the Group gives the
 * family, each Patient a child, each RelatedPerson a caregiver. Pure, so every rule is tested without a
 * database; what is wrong is reported per entry (index, resource type, path, code), all at once.
 */

export interface ImportIssue {
  /** Index in Bundle.entry; -1 for the Bundle itself. */
  entry: number;
  resourceType: string;
  /** FHIRPath-like location inside the resource, e.g. `Patient.name[0].family`. */
  path: string;
  code: string;
}

export interface ImportedNationalId {
  system: NationalIdSystem;
  digits: string;
}

export interface ImportedChild {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  dueDate: string | null;
  firstChild: boolean | null;
  nationalId: ImportedNationalId | null;
}

export interface ImportedCaregiver {
  givenName: string;
  familyName: string;
  role: CaregiverRole;
  birthYear: number | null;
  lowEducation: boolean | null;
  phone: string | null;
  nationalId: ImportedNationalId | null;
}

export interface ImportedFamily {
  /** Nestwerk's own family id when the Bundle came from Nestwerk: a second import finds the first by it. */
  sourceFamilyId: string | null;
  name: string;
  postcode: string | null;
  municipality: string | null;
  children: ImportedChild[];
  caregivers: ImportedCaregiver[];
}

export type ImportResult = { ok: true; family: ImportedFamily } | { ok: false; issues: ImportIssue[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const NAME_MAX = 100;
const FAMILY_NAME_MAX = 200;
const SYSTEM_OF_URL: Record<string, NationalIdSystem> = {
  [NATIONAL_ID_SYSTEM.nl]: 'bsn',
  [NATIONAL_ID_SYSTEM.be]: 'insz',
};
const ROLE_OF_V3 = new Map(
  Object.entries(ROLE_CODES).map(([role, c]): [string, CaregiverRole] => [c.code, role as CaregiverRole]),
);
const CAREGIVER_ROLE_SYSTEM = codeSystemUrl('caregiver-role');

function extension(resource: Json, url: string): Json | undefined {
  return array(resource.extension).find((e): e is Json => isObject(e) && e.url === url);
}

class Reader {
  readonly issues: ImportIssue[] = [];
  constructor(
    private readonly index: number,
    private readonly type: string,
  ) {}
  fail(path: string, code: string): null {
    this.issues.push({ entry: this.index, resourceType: this.type, path: `${this.type}${path}`, code });
    return null;
  }

  /** The official (else first) HumanName: family and first given name, both required. */
  name(resource: Json): { givenName: string; familyName: string } | null {
    const names = array(resource.name).filter(isObject);
    const i = Math.max(
      0,
      names.findIndex((n) => n.use === 'official'),
    );
    const n = names[i];
    if (!n) return this.fail('.name', 'required');
    const familyName = str(n.family);
    const givenName = str(array(n.given)[0]);
    if (!familyName) this.fail(`.name[${i}].family`, 'required');
    else if (familyName.length > NAME_MAX) this.fail(`.name[${i}].family`, 'too_long');
    if (!givenName) this.fail(`.name[${i}].given[0]`, 'required');
    else if (givenName.length > NAME_MAX) this.fail(`.name[${i}].given[0]`, 'too_long');
    return familyName && givenName ? { givenName, familyName } : null;
  }

  /** The BSN or INSZ among the identifiers, checked by its own system's check digits. */
  nationalId(resource: Json): ImportedNationalId | null {
    const ids = array(resource.identifier);
    for (const [i, id] of ids.entries()) {
      if (!isObject(id) || typeof id.system !== 'string') continue;
      const system = SYSTEM_OF_URL[id.system];
      if (!system) continue;
      const digits = typeof id.value === 'string' ? id.value.replace(/[\s.\-/]/g, '') : '';
      if (!isValidNationalId(system, digits))
        return this.fail(`.identifier[${i}].value`, nationalIdIssueCode(system));
      return { system, digits };
    }
    return null;
  }

  date(value: unknown, path: string, today: string): string | null {
    if (value === undefined) return null;
    if (typeof value !== 'string' || !isCalendarDate(value)) return this.fail(path, 'invalid_date');
    if (value > today && path.endsWith('birthDate')) return this.fail(path, 'in_future');
    return value;
  }
}

function child(reader: Reader, r: Json, today: string): ImportedChild | null {
  const name = reader.name(r);
  const birthDate = reader.date(r.birthDate, '.birthDate', today);
  const due = extension(r, EXTENSIONS.expectedBirthDate);
  const dueDate = due ? reader.date(due.valueDate, '.extension(expected-birth-date)', today) : null;
  if ((r.birthDate === undefined) === (due === undefined)) reader.fail('.birthDate', 'birth_or_due');
  const first = extension(r, EXTENSIONS.firstChild)?.valueBoolean;
  const nationalId = reader.nationalId(r);
  if (!name || reader.issues.length > 0) return null;
  return {
    ...name,
    birthDate,
    dueDate,
    firstChild: typeof first === 'boolean' ? first : null,
    nationalId,
  };
}

function caregiverRole(r: Json): CaregiverRole {
  for (const rel of array(r.relationship).filter(isObject))
    for (const c of array(rel.coding).filter(isObject)) {
      if (c.system === CAREGIVER_ROLE_SYSTEM && CAREGIVER_ROLES.includes(c.code as CaregiverRole))
        return c.code as CaregiverRole;
      const v3 = typeof c.code === 'string' ? ROLE_OF_V3.get(c.code) : undefined;
      if (v3) return v3;
    }
  return 'other';
}

function caregiver(reader: Reader, r: Json, today: string): ImportedCaregiver | null {
  const name = reader.name(r);
  const year = extension(r, EXTENSIONS.birthYear)?.valueInteger;
  if (
    year !== undefined &&
    (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > Number(today.slice(0, 4)))
  )
    reader.fail('.extension(birth-year)', 'invalid');
  const low = extension(r, EXTENSIONS.lowEducation)?.valueBoolean;
  const phone = array(r.telecom)
    .filter(isObject)
    .find((t) => t.system === 'phone');
  const phoneValue = phone ? str(phone.value) : null;
  if (phoneValue !== null && !/^\+?[0-9 ()-]{6,20}$/.test(phoneValue))
    reader.fail('.telecom', 'invalid_phone');
  const nationalId = reader.nationalId(r);
  if (!name || reader.issues.length > 0) return null;
  return {
    ...name,
    role: caregiverRole(r),
    birthYear: typeof year === 'number' ? year : null,
    lowEducation: typeof low === 'boolean' ? low : null,
    phone: phoneValue,
    nationalId,
  };
}

function nestwerkIdentifier(r: Json, system: string): string | null {
  const id = array(r.identifier).find((i): i is Json => isObject(i) && i.system === system);
  return id ? str(id.value) : null;
}

/** `today` bounds birth dates and years (a date in the future is a typo in the sending system). */
export function readFamilyBundle(bundle: unknown, today: string): ImportResult {
  const issues: ImportIssue[] = [];
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    return {
      ok: false,
      issues: [{ entry: -1, resourceType: 'Bundle', path: 'Bundle.resourceType', code: 'required' }],
    };
  const children: ImportedChild[] = [];
  const caregivers: ImportedCaregiver[] = [];
  let group: Json | null = null;
  let address: Json | null = null;
  for (const [i, entry] of array(bundle.entry).entries()) {
    const r = isObject(entry) ? entry.resource : undefined;
    if (!isObject(r) || typeof r.resourceType !== 'string') {
      issues.push({ entry: i, resourceType: 'unknown', path: 'resource.resourceType', code: 'required' });
      continue;
    }
    const reader = new Reader(i, r.resourceType);
    if (r.resourceType === 'Group') {
      if (group) reader.fail('', 'more_than_one');
      else group = r;
      const name = str(r.name);
      if (name && name.length > FAMILY_NAME_MAX) reader.fail('.name', 'too_long');
    } else if (r.resourceType === 'Patient') {
      const c = child(reader, r, today);
      if (c) children.push(c);
      address ??= array(r.address).find(isObject) ?? null;
    } else if (r.resourceType === 'RelatedPerson') {
      const c = caregiver(reader, r, today);
      if (c) caregivers.push(c);
    }
    issues.push(...reader.issues);
  }
  if (children.length === 0 && !issues.some((i) => i.resourceType === 'Patient'))
    issues.push({ entry: -1, resourceType: 'Bundle', path: 'Bundle.entry', code: 'no_patient' });
  if (children.length > 12)
    issues.push({ entry: -1, resourceType: 'Bundle', path: 'Bundle.entry', code: 'too_many' });
  if (caregivers.length > 8)
    issues.push({ entry: -1, resourceType: 'Bundle', path: 'Bundle.entry', code: 'too_many' });
  if (issues.length > 0) return { ok: false, issues };
  const postcode = address ? str(address.postalCode) : null;
  return {
    ok: true,
    family: {
      sourceFamilyId: group ? nestwerkIdentifier(group, NESTWERK_ID_SYSTEMS.family) : null,
      name: (group && str(group.name)) ?? (children[0] as ImportedChild).familyName,
      postcode: postcode && /^[0-9]{4}\s?[A-Za-z]{0,2}$/.test(postcode) ? postcode : null,
      municipality: address ? (str(address.city)?.slice(0, 100) ?? null) : null,
      children,
      caregivers,
    },
  };
}
