import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocale } from '../../app/locale.tsx';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../lib/drafts.ts';
import type { ContactForm } from './form.ts';

export interface ContactDraft {
  form: ContactForm;
  /** The server version the draft was based on: saving it later still detects a colleague's edit. */
  version: number | null;
}

export interface DraftHandle {
  restored: ContactDraft | null;
  restoredAt: number | null;
  savedAt: number | null;
  save(form: ContactForm, version: number | null): void;
  clear(): void;
  discard(): void;
  formatTime(ms: number): string;
}

/** Autosaves the contact form to this browser and restores it after a reload or a new log-in. */
export function useContactDraft(userId: string, familyId: string, contactId: string | null): DraftHandle {
  const { tag } = useLocale();
  const key = contactId ? draftKey(userId, 'contact', contactId) : draftKey(userId, 'new-contact', familyId);
  const [initial] = useState(() => loadDraft<ContactDraft>(key));
  const [restoredAt, setRestoredAt] = useState<number | null>(initial?.savedAt ?? null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const lastShownMinute = useRef<number | null>(null);

  const save = useCallback(
    (form: ContactForm, version: number | null) => {
      const at = saveDraft<ContactDraft>(key, { form, version });
      // Re-render for the "kept at hh:mm" line only when the minute shown changes.
      if (at !== null && Math.floor(at / 60_000) !== lastShownMinute.current) {
        lastShownMinute.current = Math.floor(at / 60_000);
        setSavedAt(at);
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    clearDraft(key);
    lastShownMinute.current = null;
    setSavedAt(null);
  }, [key]);
  const discard = useCallback(() => {
    clear();
    setRestoredAt(null);
  }, [clear]);
  const formatTime = useCallback(
    (ms: number) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(ms),
    [tag],
  );

  return useMemo(
    () => ({ restored: initial?.value ?? null, restoredAt, savedAt, save, clear, discard, formatTime }),
    [initial, restoredAt, savedAt, save, clear, discard, formatTime],
  );
}
