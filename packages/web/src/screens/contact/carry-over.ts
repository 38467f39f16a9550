import type { Contact, ContactSummary, RecordedFactor } from '@nestwerk/contract';
import { type FactorCode, type ParentFactorCode, STABLE_FACTORS } from '@nestwerk/knowledge';
import type { ContactForm, ParentFactors } from './form.ts';

/** Stable factors recorded at an earlier contact, offered as the new contact's starting point. */
export interface CarryOver {
  /** The date of the (latest) contact they come from. */
  date: string;
  factors: Partial<Record<FactorCode, RecordedFactor>>;
  parentFactors: ParentFactors;
}

/**
 * The earlier contacts to carry stable factors from: the family's latest finished contact (for facts about a
 * parent or the household) and the latest finished one about this child (for facts about the child's birth
 * and condition). Drafts are not carried: they may still change.
 */
export function carryOverSources(
  contacts: readonly ContactSummary[],
  childId: string | undefined,
): { family: string | null; child: string | null } {
  const finished = contacts
    .filter((c) => c.status === 'final')
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return {
    family: finished[0]?.id ?? null,
    child: finished.find((c) => c.childId === childId)?.id ?? null,
  };
}

const known = (f: { value: string } | undefined): f is RecordedFactor =>
  f !== undefined && (f.value === 'present' || f.value === 'absent');
const only = (f: RecordedFactor): RecordedFactor => ({ value: f.value, reportedBy: f.reportedBy });

/** The stable factors of the two source contacts, for caregivers who are still in the family. Null when none. */
export function carryOver(
  familyContact: Contact | null,
  childContact: Contact | null,
  caregiverIds: readonly string[],
): CarryOver | null {
  const factors: CarryOver['factors'] = {};
  const parentFactors: ParentFactors = {};
  for (const [code, scope] of Object.entries(STABLE_FACTORS) as [FactorCode, 'child' | 'family'][]) {
    const from = scope === 'child' ? childContact : familyContact;
    const recorded = from?.factors[code];
    if (known(recorded)) factors[code] = only(recorded);
    if (scope !== 'family' || !familyContact) continue;
    for (const personId of caregiverIds) {
      const own = familyContact.parentFactors[personId]?.[code as ParentFactorCode];
      if (known(own)) parentFactors[personId] = { ...parentFactors[personId], [code]: only(own) };
    }
  }
  const count = Object.keys(factors).length + Object.keys(parentFactors).length;
  if (count === 0) return null;
  const dates = [familyContact?.date, childContact?.date].filter((d): d is string => d !== undefined);
  return { date: dates.sort().at(-1) ?? '', factors, parentFactors };
}

/** A new contact's form with the carried-over factors filled in. */
export function withCarryOver(form: ContactForm, carry: CarryOver | null): ContactForm {
  if (!carry) return form;
  return { ...form, factors: { ...carry.factors }, parentFactors: structuredClone(carry.parentFactors) };
}

/** Still as carried over: the nurse has neither confirmed it nor changed it. */
export function isCarried(
  carry: CarryOver | null,
  owner: string,
  code: FactorCode,
  recorded: RecordedFactor | undefined,
): boolean {
  if (!carry || !recorded) return false;
  const from = owner ? carry.parentFactors[owner]?.[code as ParentFactorCode] : carry.factors[code];
  return from !== undefined && from.value === recorded.value && from.reportedBy === recorded.reportedBy;
}
