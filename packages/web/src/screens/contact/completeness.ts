import type { Agreement } from '@nestwerk/contract';
import { ApiError } from '../../api/client.ts';
import type { ContactForm } from './form.ts';

/** The fields a finished contact must have filled in, by the name the server uses for them in a 400. */
export type FinishField = 'agreedBand' | 'agreement.followUpDue';

/** The element each field's error points the nurse to. */
export const FINISH_FIELD_TARGET: Record<FinishField, string> = {
  agreedBand: 'agreed-band-safe',
  'agreement.followUpDue': 'agreement-followup',
};

/**
 * What is missing before a contact can be finished, in screen order. The same rules as the server's (contract
 * `contactIn`): the agreed estimate is chosen, or "not discussed" is; a ticked extra contact has a date.
 */
export function finishProblems(form: ContactForm): FinishField[] {
  const out: FinishField[] = [];
  if (!form.agreedBand) out.push('agreedBand');
  if (form.agreement.extraContact && !form.agreement.followUpDue) out.push('agreement.followUpDue');
  return out;
}

/** The server refused a finished contact for one of these fields (another client, or rules that changed). */
export function serverFinishField(error: unknown): FinishField | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  if (error.field === 'agreedBand' || error.field === 'agreedBandNotDiscussed') return 'agreedBand';
  if (error.field === 'agreement.followUpDue') return 'agreement.followUpDue';
  return null;
}

/**
 * The family's open follow-ups that finishing this contact with a new follow-up date closes (the server does
 * the same): every open agreement with a date, other than this contact's own.
 */
export function supersededFollowUps(
  agreements: readonly Agreement[],
  form: ContactForm,
  contactId: string | null,
): Agreement[] {
  if (!form.agreement.followUpDue) return [];
  return agreements.filter(
    (a) => a.status === 'open' && a.followUpDue !== null && (contactId === null || a.contactId !== contactId),
  );
}
