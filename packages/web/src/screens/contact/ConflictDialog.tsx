import type { Contact } from '@nestwerk/contract';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { type ContactForm, type Difference, differences, fromContact } from './form.ts';

/**
 * A colleague saved this contact after it was opened here. Shows their version against mine and lets the
 * nurse choose; nothing is overwritten without that choice. A modal <dialog> keeps focus inside.
 */
export function ConflictDialog({
  mine,
  theirs,
  describe,
  onUseTheirs,
  onKeepMine,
  onMerge,
  onLater,
}: {
  mine: ContactForm;
  theirs: Contact;
  describe(code: string): string;
  onUseTheirs(): void;
  onKeepMine(): void;
  onMerge(): void;
  onLater(): void;
}) {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
  }, []);
  const diff = differences(mine, fromContact(theirs));
  const who = theirs.professional?.displayName;

  return (
    <dialog
      ref={ref}
      className="dialog conflict"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-intro"
      onCancel={(e) => {
        e.preventDefault();
        onLater();
      }}
    >
      <h2 id="conflict-title">{t('contact.conflict.title')}</h2>
      <p id="conflict-intro">{t('contact.conflict.intro')}</p>
      <p>
        <strong>
          {who ? t('contact.conflict.theirs', { name: who }) : t('contact.conflict.theirsUnknown')}
        </strong>
        {theirs.updatedAt && (
          <span className="muted">
            {' '}
            · {t('contact.conflict.savedAt', { time: formatDateTime(theirs.updatedAt, tag) })}
          </span>
        )}
      </p>
      <h3>{t('contact.conflict.differences')}</h3>
      {diff.length === 0 ? (
        <p>{t('contact.conflict.noDifferences')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('common.details')}</th>
              <th scope="col">{t('contact.conflict.mine')}</th>
              <th scope="col">
                {who ? t('contact.conflict.theirs', { name: who }) : t('contact.conflict.theirsUnknown')}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={`${d.kind}-${d.code}`}>
                <th scope="row">{label(d, describe, t)}</th>
                <td>{value(d, 'mine', t)}</td>
                <td>{value(d, 'theirs', t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions actions--stack">
        <button type="button" className="button button--primary" onClick={onMerge}>
          {t('contact.conflict.merge')}
        </button>
        <button type="button" className="button" onClick={onUseTheirs}>
          {t('contact.conflict.useTheirs')}
        </button>
        <button type="button" className="button button--danger" onClick={onKeepMine}>
          {t('contact.conflict.keepMine')}
        </button>
        <button type="button" className="button button--quiet" onClick={onLater}>
          {t('contact.conflict.decideLater')}
        </button>
      </div>
    </dialog>
  );
}

/** The plain signature: the inferred one instantiates every key of the messages and exceeds TypeScript's depth limit. */
type T = TFunction;

function label(d: Difference, describe: (code: string) => string, t: T): string {
  if (d.kind === 'agreedBand') return t('contact.agreement.agreedBand');
  if (d.kind === 'agreement') {
    if (d.code === 'text') return t('contact.agreement.text');
    if (d.code === 'nextTopic') return t('contact.agreement.nextTopic');
    return t('contact.agreement.followUpDue');
  }
  return describe(d.code);
}

function value(d: Difference, side: 'mine' | 'theirs', t: T): string {
  const v = d[side];
  if (d.kind === 'cue' || d.kind === 'criterion') return v === 'yes' ? t('common.yes') : t('common.no');
  if (d.kind === 'factor') {
    return t(`contact.factors.${v as 'present' | 'absent' | 'unknown'}`);
  }
  if (d.kind === 'agreedBand') {
    return v ? t(`common.bands.${v as 'safe' | 'insecure' | 'problematic_suspected' | 'unclear'}`) : '—';
  }
  return v || '—';
}
