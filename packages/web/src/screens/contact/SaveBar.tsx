import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { SaveMessage } from './useSaveContact.ts';

export function SaveBar({
  busy,
  message,
  error,
  shownAtFields = [],
  savedLocallyAt,
  formatTime,
  blockedCount = 0,
  onSave,
}: {
  busy: boolean;
  message: SaveMessage;
  error: unknown;
  /** Paths of the error's field issues already shown at their inputs. */
  shownAtFields?: readonly string[];
  savedLocallyAt: number | null;
  formatTime(ms: number): string;
  /** Fields still missing before the contact can be finished (each says so at the field). */
  blockedCount?: number;
  onSave(status: 'draft' | 'final'): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="savebar">
      <div className="savebar__status" role="status">
        {busy && <span>{t('app.saving')}</span>}
        {!busy && blockedCount > 0 && (
          <span className="savebar__blocked" data-testid="finish-blocked">
            {t('contact.agreement.errors.finishBlocked', { count: blockedCount })}
          </span>
        )}
        {!busy && blockedCount === 0 && message && <span className="savebar__message">{t(message)}</span>}
        {!busy && !message && savedLocallyAt !== null && (
          <span className="muted">
            {t('contact.draftSavedLocally', { time: formatTime(savedLocallyAt) })}
          </span>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} shownAtFields={shownAtFields} />}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => onSave('draft')}>
          {t('contact.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onSave('final')}
        >
          {t('contact.finish')}
        </button>
      </div>
    </div>
  );
}
