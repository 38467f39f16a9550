import type { Contact } from '@nestwerk/contract';
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
  const say = (words: Words) => ('key' in words ? t(words.key) : words.text);

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
                <th scope="row">{say(label(d, describe))}</th>
                <td>{say(value(d, 'mine'))}</td>
                <td>{say(value(d, 'theirs'))}</td>
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

/**
 * The label and values of a row as message keys (or text as it is), turned into words by the component: a
 * translation function passed around as a value makes the type checker expand every message key.
 */
type Words = { key: LabelKey } | { text: string };
type LabelKey =
  | 'contact.agreement.agreedBand'
  | 'contact.agreement.text'
  | 'contact.agreement.nextTopic'
  | 'contact.agreement.followUpDue'
  | 'common.yes'
  | 'common.no'
  | 'contact.factors.present'
  | 'contact.factors.absent'
  | 'contact.factors.unknown'
  | 'common.bands.safe'
  | 'common.bands.insecure'
  | 'common.bands.problematic_suspected'
  | 'common.bands.unclear';

function label(d: Difference, describe: (code: string) => string): Words {
  if (d.kind === 'agreedBand') return { key: 'contact.agreement.agreedBand' };
  if (d.kind === 'agreement') {
    if (d.code === 'text') return { key: 'contact.agreement.text' };
    if (d.code === 'nextTopic') return { key: 'contact.agreement.nextTopic' };
    return { key: 'contact.agreement.followUpDue' };
  }
  return { text: describe(d.code) };
}

function value(d: Difference, side: 'mine' | 'theirs'): Words {
  const v = d[side];
  if (d.kind === 'cue' || d.kind === 'criterion') return { key: v === 'yes' ? 'common.yes' : 'common.no' };
  if (d.kind === 'factor' || d.kind === 'parentFactor') {
    return { key: `contact.factors.${v as 'present' | 'absent' | 'unknown'}` };
  }
  if (d.kind === 'agreedBand') {
    return v
      ? { key: `common.bands.${v as 'safe' | 'insecure' | 'problematic_suspected' | 'unclear'}` }
      : { text: '—' };
  }
  return { text: v || '—' };
}
