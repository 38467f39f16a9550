/**
 * Web-side shapes around the contract's types (`@nestwerk/contract`, imported as types only): what the
 * screens need that the API does not name.
 */
import type { Caregiver, Child, Contact, ContactBody, RecordedFactor } from '@nestwerk/contract';
import type { ContactType } from '@nestwerk/knowledge';

export type {
  DueFilter,
  FamilyListItem as WorklistItem,
  ListBalance,
  WorklistScope,
} from '@nestwerk/contract';

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A child or a caregiver, for screens that read fields of either kind: a field of the other kind reads as
 * undefined.
 */
export type Person =
  | (Child & { [K in Exclude<keyof Caregiver, keyof Child>]?: undefined })
  | (Caregiver & { [K in Exclude<keyof Child, keyof Caregiver>]?: undefined });

/** What the contact form sends: codes it does not set may be left out. */
export type ContactIn = ContactBody;
export type { Contact, ContactType, RecordedFactor };
