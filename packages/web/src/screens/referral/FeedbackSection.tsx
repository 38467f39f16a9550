import type { Referral } from '@nestwerk/contract';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

type Via = 'phone' | 'email' | 'post' | 'meeting';

/** Feedback ("terugkoppeling") from the receiver; overdue is said in words; feedback from outside is recorded. */
export function FeedbackSection({
  referral: r,
  onUpdated,
}: {
  referral: Referral;
  onUpdated(r: Referral): void;
}) {
  const { t } = useTranslation();
  const { tag, date } = useLocale();
  const [text, setText] = useState('');
  const [via, setVia] = useState<Via>('phone');
  const record = useMutation({
    mutationFn: () =>
      api.call('POST /api/referrals/:id/feedback', {
        params: { id: r.id },
        body: { text: text.trim(), via },
      }),
    onSuccess: (next) => {
      setText('');
      onUpdated(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) record.mutate();
  };
  return (
    <section className="panel" aria-labelledby="referral-feedback">
      <h2 id="referral-feedback">{t('network.referral.feedback')}</h2>
      {r.feedbackDue && !r.feedbackReceivedAt && (
        <p className={r.feedbackOverdue ? 'notice notice--warning' : 'muted'}>
          {r.feedbackOverdue
            ? t('network.referral.feedbackOverdue', { date: date(r.feedbackDue) })
            : t('network.referral.feedbackDue', { date: date(r.feedbackDue) })}
        </p>
      )}
      {r.feedback.length === 0 ? (
        <p className="muted">{t('network.referral.noFeedback')}</p>
      ) : (
        <ul className="plain feedback-list" data-testid="referral-feedback">
          {r.feedback.map((f) => (
            <li key={f.id} className="feedback-item">
              <p className="feedback-item__text">{f.text}</p>
              <p className="muted">
                {formatDateTime(f.createdAt, tag)} · {t(`network.referral.feedbackSources.${f.source}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {!r.partner.viaNestwerk && (
        <form className="form" onSubmit={submit}>
          <h3>{t('network.referral.recordFeedback')}</h3>
          <div className="field">
            <label htmlFor="feedback-text">{t('network.referral.feedbackText')}</label>
            <textarea id="feedback-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="feedback-via">{t('network.referral.via')}</label>
            <select id="feedback-via" value={via} onChange={(e) => setVia(e.target.value as Via)}>
              {(['phone', 'email', 'post', 'meeting'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`network.referral.vias.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={record.isPending || !text.trim()}>
            {t('network.referral.save')}
          </button>
          {record.isError && <ErrorNotice error={record.error} />}
        </form>
      )}
    </section>
  );
}
