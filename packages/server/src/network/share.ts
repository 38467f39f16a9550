import { completedMonths, gestationWeeks } from '@nestwerk/engine';
import type { Region } from '@nestwerk/knowledge';
import { z } from 'zod';
import type { CaregiverRole } from '../db/schema.ts';
import type { FamilyRow } from '../repositories/families.ts';
import type { PersonRow } from '../repositories/persons.ts';
import type { ReferralRow } from '../repositories/referrals.ts';
import { type Coded, coded, codesOf, factorKind } from './vocabulary.ts';

/**
 * What a referral can carry to its receiver (data minimisation, DESIGN.md §2.8). By default only the
 * minimum goes: the child's age (not the birth date, not the name), the reason, the relevant cues, factors
 * and the help asked for, the parents' wishes, and who refers. Names, birth date, phone and address go only
 * when the professional adds them on purpose.
 */
export const SHARE_ITEMS = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
  'child_name',
  'child_birth_date',
  'parent_names',
  'parent_phone',
  'address',
] as const;

export type ShareItem = (typeof SHARE_ITEMS)[number];

export const shareItem = z.enum(SHARE_ITEMS);

/** Without these a referral says nothing a receiver can act on. */
export const REQUIRED_ITEMS: readonly ShareItem[] = ['reason', 'referrer'];

export const DEFAULT_ITEMS: readonly ShareItem[] = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
];

/** The chosen items in their canonical order, required ones always included. */
export function normaliseItems(items: readonly ShareItem[]): ShareItem[] {
  const chosen = new Set<ShareItem>([...REQUIRED_ITEMS, ...items]);
  return SHARE_ITEMS.filter((i) => chosen.has(i));
}

export function itemsOf(json: string): ShareItem[] {
  const known: ReadonlySet<string> = new Set(SHARE_ITEMS);
  return normaliseItems(codesOf(json).filter((c): c is ShareItem => known.has(c)));
}

export type SharedChildAge = { ageMonths: number } | { gestationWeeks: number };

/**
 * Exactly what the receiver gets: the preview shows it, sending freezes it (`shared_json`), the intake
 * queue serves it. Keys of items that were not chosen are absent, not null.
 */
export interface SharedReferral {
  referralId: string;
  region: Region;
  basis: 'consent' | 'no_consent';
  items: ShareItem[];
  reason: { criteria: Coded[]; imhReasons: Coded[]; text: string | null };
  referrer: { name: string; organisation: string; email: string; phone: string | null };
  child?: {
    ageMonths?: number;
    gestationWeeks?: number;
    givenName?: string;
    familyName?: string;
    birthDate?: string | null;
    dueDate?: string | null;
  };
  cues?: Coded[];
  factors?: Array<Coded & { kind: 'hindering' | 'protective' }>;
  interventions?: Coded[];
  parentWishes?: string | null;
  parents?: Array<{ role: CaregiverRole | null; name?: string; phone?: string | null }>;
  address?: { postcode: string | null; municipality: string | null };
}

export interface ShareSources {
  referral: ReferralRow;
  family: Pick<FamilyRow, 'postcode' | 'municipality'>;
  child: PersonRow;
  caregivers: readonly PersonRow[];
  referrer: { name: string; organisation: string; email: string };
  region: Region;
  today: string;
}

export function childAgeOn(child: Pick<PersonRow, 'birth_date' | 'due_date'>, today: string): SharedChildAge {
  if (child.birth_date !== null) return { ageMonths: Math.max(0, completedMonths(child.birth_date, today)) };
  return { gestationWeeks: Math.max(0, gestationWeeks(child.due_date ?? today, today)) };
}

export function buildShared(s: ShareSources): SharedReferral {
  const r = s.referral;
  const items = itemsOf(r.items_json);
  const has = (i: ShareItem) => items.includes(i);
  const out: SharedReferral = {
    referralId: r.id,
    region: s.region,
    basis: r.basis,
    items,
    reason: {
      criteria: codesOf(r.criteria_json).map((c) => coded('criterion', c, s.region)),
      imhReasons: codesOf(r.imh_reasons_json).map((c) => coded('imh', c, s.region)),
      text: r.reason_text,
    },
    referrer: {
      name: s.referrer.name,
      organisation: s.referrer.organisation,
      email: s.referrer.email,
      phone: r.referrer_phone,
    },
  };
  if (has('child_age') || has('child_name') || has('child_birth_date')) {
    const child: NonNullable<SharedReferral['child']> = has('child_age')
      ? { ...childAgeOn(s.child, s.today) }
      : {};
    if (has('child_name')) {
      child.givenName = s.child.given_name;
      child.familyName = s.child.family_name;
    }
    if (has('child_birth_date')) {
      child.birthDate = s.child.birth_date;
      child.dueDate = s.child.due_date;
    }
    out.child = child;
  }
  if (has('cues')) out.cues = codesOf(r.cues_json).map((c) => coded('cue', c, s.region));
  if (has('factors'))
    out.factors = codesOf(r.factors_json).map((c) => ({
      ...coded('factor', c, s.region),
      kind: factorKind(c),
    }));
  if (has('interventions'))
    out.interventions = codesOf(r.interventions_json).map((c) => coded('intervention', c, s.region));
  if (has('parent_wishes')) out.parentWishes = r.parent_wishes;
  if (has('parent_names') || has('parent_phone'))
    out.parents = s.caregivers.map((p) => ({
      role: p.caregiver_role,
      ...(has('parent_names') ? { name: `${p.given_name} ${p.family_name}` } : {}),
      ...(has('parent_phone') ? { phone: p.phone } : {}),
    }));
  if (has('address')) out.address = { postcode: s.family.postcode, municipality: s.family.municipality };
  return out;
}

/** A frozen snapshot as stored; null when the column is empty or unreadable. */
export function parseShared(json: string | null): SharedReferral | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as SharedReferral;
  } catch {
    return null;
  }
}
