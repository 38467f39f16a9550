import type { SharedReferral } from '@nestwerk/contract';
import { completedMonths, gestationWeeks } from '@nestwerk/engine';
import { ALWAYS_SHARED_ITEMS, type Region, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import type { FamilyRow } from '../repositories/families.ts';
import type { PersonRow } from '../repositories/persons.ts';
import type { ReferralRow } from '../repositories/referrals.ts';
import { coded, codesOf, factorKind } from './vocabulary.ts';

/** The chosen items in the knowledge's canonical order, the always-shared ones included (data minimisation). */
export function normaliseItems(items: readonly ShareItem[]): ShareItem[] {
  const chosen = new Set<ShareItem>([...ALWAYS_SHARED_ITEMS, ...items]);
  return SHARE_ITEMS.filter((i) => chosen.has(i));
}

export function itemsOf(json: string): ShareItem[] {
  const known: ReadonlySet<string> = new Set(SHARE_ITEMS);
  return normaliseItems(codesOf(json).filter((c): c is ShareItem => known.has(c)));
}

export type SharedChildAge = { ageMonths: number } | { gestationWeeks: number };

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
