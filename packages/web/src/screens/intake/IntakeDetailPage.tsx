import type { IntakeStatusIn } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { SharedReferralView } from '../shared/SharedReferralView.tsx';

/** One incoming referral: only the shared data; accept, decline with a reason, plan the intake, give feedback. */
export default function IntakeDetailPage() {
  const { t } = useTranslation();
  const { tag, date } = useLocale();
  const { intakeId = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['intake-detail', intakeId],
    queryFn: () => api.call('GET /api/intake/:id', { params: { id: intakeId } }),
    retry: false,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['intake-detail', intakeId] });
    void queryClient.invalidateQueries({ queryKey: ['intake'] });
  };
  const status = useMutation({
    mutationFn: (body: IntakeStatusIn) =>
      api.call('POST /api/intake/:id/status', { params: { id: intakeId }, body }),
    onSuccess: refresh,
  });
  const plan = useMutation({
    mutationFn: (d: string) =>
      api.call('POST /api/intake/:id/plan', { params: { id: intakeId }, body: { intakeDate: d } }),
    onSuccess: refresh,
  });
  const feedback = useMutation({
    mutationFn: (text: string) =>
      api.call('POST /api/intake/:id/feedback', { params: { id: intakeId }, body: { text } }),
    onSuccess: () => {
      setFeedbackText('');
      refresh();
    },
  });
  const [declineReason, setDeclineReason] = useState('');
  const [intakeDate, setIntakeDate] = useState('');
  const [feedbackText, setFeedbackText] = useState('');

  const back = (
    <p className="eyebrow">
      <Link to="/intake">{t('network.intake.back')}</Link>
    </p>
  );

  if (detail.isError) {
    const body = detail.error instanceof ApiError ? (detail.error.body as { reason?: string }) : null;
    const stopped = body?.reason === 'consent_withdrawn' || body?.reason === 'consent_expired';
    if (stopped) {
      return (
        <>
          {back}
          <h1>{t('network.intake.sharingStopped')}</h1>
          <p className="notice notice--error" role="alert">
            {t(`network.intake.${body.reason as 'consent_withdrawn' | 'consent_expired'}`)}
          </p>
          <button type="button" className="button" onClick={() => status.mutate({ status: 'closed' })}>
            {t('network.intake.close')}
          </button>
        </>
      );
    }
    return (
      <>
        {back}
        <ErrorNotice error={detail.error} notFound={t('app.referralNotFound')} />
      </>
    );
  }
  if (!detail.data) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  const d = detail.data;
  const open = d.status === 'sent' || d.status === 'received';
  const decline = (event: FormEvent) => {
    event.preventDefault();
    if (declineReason.trim()) status.mutate({ status: 'declined', reason: declineReason.trim() });
  };
  const planSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (intakeDate) plan.mutate(intakeDate);
  };
  const feedbackSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (feedbackText.trim()) feedback.mutate(feedbackText.trim());
  };
  return (
    <>
      <div className="page-head">
        <div>
          {back}
          <h1>
            {d.shared
              ? t('network.intake.detailTitle', { referrer: d.shared.referrer.name })
              : t('network.intake.title')}
          </h1>
        </div>
        <p>
          <span className="badge">
            {t('network.referral.status', { status: t(`network.status.${d.status}`) })}
          </span>
        </p>
      </div>
      {d.sharing !== 'open' && (
        <p className="notice notice--error" role="alert">
          {t(`network.intake.${d.sharing}`)}
        </p>
      )}
      {d.shared?.basis === 'no_consent' && (
        <p className="notice notice--warning" role="note">
          <strong>{t('network.referral.noConsentBanner')}</strong>
        </p>
      )}
      <div className="family-grid">
        <section className="panel" aria-labelledby="intake-shared">
          <h2 id="intake-shared">{t('network.intake.shared')}</h2>
          {d.shared && <SharedReferralView shared={d.shared} viewer="receiver" />}
        </section>
        <section className="panel" aria-labelledby="intake-actions">
          <h2 id="intake-actions">{t('network.referral.timeline')}</h2>
          <ol className="plain">
            {d.history.map((h) => (
              <li key={`${h.status}-${h.at}`}>
                <strong>{t(`network.status.${h.status}`)}</strong>{' '}
                <span className="muted">{formatDateTime(h.at, tag)}</span>
              </li>
            ))}
          </ol>
          {d.intakeDate && <p>{t('network.referral.intakeOn', { date: date(d.intakeDate) })}</p>}
          {d.declineReason && <p>{t('network.referral.declined', { reason: d.declineReason })}</p>}
          {open && (
            <>
              <div className="actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={status.isPending}
                  onClick={() => status.mutate({ status: 'accepted' })}
                >
                  {t('network.intake.accept')}
                </button>
              </div>
              {/* Declining is the exception: its reason field stays folded until chosen, under the accept. */}
              <details className="intake__decline">
                <summary>{t('network.intake.declineOpen')}</summary>
                <form className="form" onSubmit={decline}>
                  <div className="field">
                    <label htmlFor="intake-decline-reason">{t('network.intake.declineReason')}</label>
                    <textarea
                      id="intake-decline-reason"
                      rows={2}
                      value={declineReason}
                      onChange={(e) => setDeclineReason(e.target.value)}
                    />
                  </div>
                  <button
                    type="submit"
                    className="button"
                    disabled={status.isPending || !declineReason.trim()}
                  >
                    {t('network.intake.decline')}
                  </button>
                </form>
              </details>
            </>
          )}
          {d.status === 'accepted' && (
            <form className="form" onSubmit={planSubmit}>
              <div className="field">
                <label htmlFor="intake-date">{t('network.intake.intakeDate')}</label>
                <input
                  id="intake-date"
                  type="date"
                  value={intakeDate}
                  onChange={(e) => setIntakeDate(e.target.value)}
                />
              </div>
              <div className="actions">
                <button type="submit" className="button" disabled={plan.isPending || !intakeDate}>
                  {t('network.intake.plan')}
                </button>
                <button type="button" className="button" onClick={() => status.mutate({ status: 'in_care' })}>
                  {t('network.intake.inCare')}
                </button>
              </div>
            </form>
          )}
          {d.status !== 'closed' && d.status !== 'sent' && d.status !== 'received' && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => status.mutate({ status: 'closed' })}
            >
              {t('network.intake.close')}
            </button>
          )}
          {(status.isError || plan.isError) && <ErrorNotice error={status.error ?? plan.error} />}
        </section>
        <section className="panel" aria-labelledby="intake-feedback">
          <h2 id="intake-feedback">{t('network.referral.feedback')}</h2>
          {d.feedback.length === 0 ? (
            <p className="muted">{t('network.referral.noFeedback')}</p>
          ) : (
            <ul className="plain">
              {d.feedback.map((f) => (
                <li key={f.id}>
                  <p>{f.text}</p>
                  <p className="muted">{formatDateTime(f.createdAt, tag)}</p>
                </li>
              ))}
            </ul>
          )}
          {d.sharing === 'open' && d.status !== 'sent' && (
            <form className="form" onSubmit={feedbackSubmit}>
              <div className="field">
                <label htmlFor="intake-feedback-text">{t('network.intake.feedbackText')}</label>
                <textarea
                  id="intake-feedback-text"
                  rows={3}
                  value={feedbackText}
                  onChange={(e) => setFeedbackText(e.target.value)}
                />
              </div>
              <button
                type="submit"
                className="button button--primary"
                disabled={feedback.isPending || !feedbackText.trim()}
              >
                {t('network.intake.sendFeedback')}
              </button>
              {feedback.isSuccess && <p role="status">{t('network.intake.feedbackSent')}</p>}
              {feedback.isError && <ErrorNotice error={feedback.error} />}
            </form>
          )}
        </section>
      </div>
    </>
  );
}
