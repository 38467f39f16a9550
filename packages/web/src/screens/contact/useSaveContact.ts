import type { Contact, ContactWithAssessment, FamilyFile } from '@nestwerk/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { type ContactForm, fromContact, merge, toContactIn } from './form.ts';
import type { DraftHandle } from './useContactDraft.ts';

export type SaveMessage = 'contact.savedDraft' | 'contact.savedFinal' | 'contact.merged' | null;
type Status = 'draft' | 'final';

/** The colleague's version in a 409 body: `current` is the contact, or `{contact, assessment}`. */
export function conflictingContact(err: ApiError): Contact | null {
  const current = err.body.current;
  if (typeof current !== 'object' || current === null) return null;
  if ('contact' in current) return (current as ContactWithAssessment).contact;
  return current as Contact;
}

/**
 * Saving a contact moment: create, then update with the version it was based on. A 409 is never resolved
 * silently: the colleague's version is kept aside until the nurse chooses.
 */
export function useSaveContact({
  family,
  contactId,
  draft,
  setVersion,
  setForm,
  markClean,
}: {
  family: FamilyFile;
  contactId: string | null;
  draft: DraftHandle;
  setVersion(version: number | null): void;
  setForm(form: ContactForm): void;
  /** The form now equals what the server holds: stop autosaving until the next change. */
  markClean(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const initialMessage = (location.state as { saved?: SaveMessage } | null)?.saved ?? null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SaveMessage>(initialMessage);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Contact | null>(null);
  const [lastStatus, setLastStatus] = useState<Status>('draft');

  const afterSave = (result: ContactWithAssessment, status: Status, handOver: boolean) => {
    markClean();
    draft.clear();
    queryClient.setQueryData(['contact', result.contact.id], result);
    void queryClient.invalidateQueries({ queryKey: ['family', family.id] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    // The caller goes on elsewhere (a referral from this contact's advice): it navigates, not this hook.
    if (handOver) {
      setVersion(result.contact.version);
    } else if (status === 'final') {
      void navigate(`/families/${family.id}`, { state: { notice: 'contact.savedFinal' } });
    } else if (!contactId) {
      void navigate(`/contacts/${result.contact.id}`, {
        replace: true,
        // The same form under its new address: the nurse stays where she pressed save.
        state: { saved: 'contact.savedDraft', keepScroll: true },
      });
    } else {
      setVersion(result.contact.version);
      setMessage('contact.savedDraft');
    }
  };

  /** Saves; resolves to what the server stored, or null when it failed (the error or conflict is shown). */
  const submit = async (
    form: ContactForm,
    version: number | null,
    status: Status,
    handOver = false,
  ): Promise<ContactWithAssessment | null> => {
    setBusy(true);
    setError(null);
    setMessage(null);
    setLastStatus(status);
    try {
      const body = toContactIn(form, status, t('contact.agreement.defaultText'));
      const result =
        contactId === null
          ? await api.call('POST /api/families/:id/contacts', { params: { id: family.id }, body })
          : await api.call('PUT /api/contacts/:id', {
              params: { id: contactId },
              body: { ...body, version: version ?? 0 },
            });
      afterSave(result, status, handOver);
      return result;
    } catch (err) {
      const theirs = err instanceof ApiError && err.status === 409 ? conflictingContact(err) : null;
      if (theirs) setConflict(theirs);
      else setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const resolve = (choice: 'theirs' | 'mine' | 'merge' | 'later', mine: ContactForm) => {
    const theirs = conflict;
    setConflict(null);
    if (!theirs || choice === 'later') return;
    setVersion(theirs.version);
    if (choice === 'theirs') {
      setForm(fromContact(theirs));
      markClean();
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['contact', theirs.id] });
    } else if (choice === 'merge') {
      setForm(merge(mine, fromContact(theirs)));
      setMessage('contact.merged');
    } else {
      void submit(mine, theirs.version, lastStatus);
    }
  };

  return { busy, message, error, conflict, submit, resolve };
}
