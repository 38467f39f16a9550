import type { Referral } from '@nestwerk/contract';
import type { ShareItem } from '@nestwerk/knowledge';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { useSession } from '../../app/session.tsx';
import { dayOf } from '../../lib/dates.ts';
import { BackToStart } from '../shared/BackToStart.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FeedbackSection } from './FeedbackSection.tsx';
import { ReferralPreview } from './ReferralPreview.tsx';
import { ReminderPanel } from './ReminderPanel.tsx';
import { SendPanel } from './SendPanel.tsx';
import { StatusTimeline } from './StatusTimeline.tsx';

/** One referral from the referrer's side: basis, what is (or would be) shared, sending, status, feedback. */
export default function ReferralPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const { referralId = '' } = useParams();
  const { state } = useSession();
  const queryClient = useQueryClient();
  const referral = useQuery({
    queryKey: ['referral', referralId],
    queryFn: () => api.call('GET /api/referrals/:id', { params: { id: referralId } }),
  });
  // The items as ticked on screen, for the version they were ticked on; a newer version starts from its own.
  const [ticked, setTicked] = useState<{ version: number; items: ShareItem[] } | null>(null);
  const update = (r: Referral) => {
    queryClient.setQueryData(['referral', r.id], r);
    void queryClient.invalidateQueries({ queryKey: ['referral-preview', r.id] });
    void queryClient.invalidateQueries({ queryKey: ['family', r.familyId] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
  const confirm = useMutation({
    mutationFn: (r: Referral) =>
      api.call('POST /api/referrals/:id/confirm', { params: { id: r.id }, body: { version: r.version } }),
    onSuccess: update,
  });
  const withdraw = useMutation({
    mutationFn: (r: Referral) =>
      api.call('POST /api/referrals/:id/withdraw-consent', { params: { id: r.id }, body: {} }),
    onSuccess: update,
  });

  if (referral.isError)
    return (
      <>
        <ErrorNotice error={referral.error} notFound={t('app.referralNotFound')} />
        <BackToStart />
      </>
    );
  if (!referral.data) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  const r = referral.data;
  const items = ticked && ticked.version === r.version ? ticked.items : r.items;
  const isTeamLead = state.status === 'authenticated' && state.user.role === 'team_lead';
  const isReferrer = state.status === 'authenticated' && state.user.id === r.referrer.id;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to={`/families/${r.familyId}#referrals`}>
              {t('network.referral.backToList', { family: r.familyName })}
            </Link>
          </p>
          <h1>{t('network.referral.draftTitle', { partner: r.partner.name })}</h1>
          <p className="referral-subject" data-testid="referral-subject">
            {t('network.referral.about', { family: r.familyName, child: r.childName })}
          </p>
        </div>
        <p>
          <span className="badge">
            {t('network.referral.status', { status: t(`network.status.${r.status}`) })}
          </span>
        </p>
      </div>
      {r.basis === 'no_consent' && (
        <div className="notice notice--warning no-consent" role="note" data-testid="no-consent-banner">
          <p>
            <strong>{t('network.referral.noConsentBanner')}</strong>
          </p>
          {r.noConsent && !r.noConsent.complete && <p>{t('network.referral.incomplete')}</p>}
          {r.noConsent?.confirmedAt ? (
            <p>{t('network.referral.confirmed', { date: date(dayOf(r.noConsent.confirmedAt)) })}</p>
          ) : (
            <p>{t('network.referral.awaitingConfirm')}</p>
          )}
          {r.status === 'draft' && !r.imported && isTeamLead && !isReferrer && !r.noConsent?.confirmedAt && (
            <button
              type="button"
              className="button"
              onClick={() => confirm.mutate(r)}
              disabled={confirm.isPending}
            >
              {t('network.referral.confirm')}
            </button>
          )}
          {confirm.isError && <ErrorNotice error={confirm.error} />}
        </div>
      )}
      {r.consent && (
        <p className={r.consentWithdrawnAt ? 'notice notice--error' : 'notice'} role="status">
          {r.consentWithdrawnAt
            ? t('network.referral.withdrawn', { date: date(dayOf(r.consentWithdrawnAt)) })
            : t('network.referral.consentSummary', {
                givenBy: r.consent.givenBy?.name ?? '—',
                recipient: r.consent.recipient ?? r.partner.name,
                purpose: r.consent.purpose,
                until: r.consent.validUntil ? date(r.consent.validUntil) : t('network.referral.noEnd'),
              })}
        </p>
      )}
      {r.imported && (
        <p className="notice" role="note" data-testid="referral-imported">
          {t('network.referral.importedHistory', {
            organisation: r.imported.organisation,
            date: date(dayOf(r.imported.importedAt)),
          })}
        </p>
      )}
      {r.imported ? (
        <div className="family-grid">
          <StatusTimeline referral={r} />
        </div>
      ) : (
        <div className="family-grid">
          <ReferralPreview
            referral={r}
            items={items}
            onItems={(next) => setTicked({ version: r.version, items: next })}
            onUpdated={update}
          />
          {r.status === 'draft' ? (
            <SendPanel referral={r} items={items} onSent={update} />
          ) : (
            <>
              <StatusTimeline referral={r} />
              <FeedbackSection referral={r} onUpdated={update} />
              {r.feedbackOverdue && r.partner.viaNestwerk && <ReminderPanel referral={r} onSent={update} />}
              {!r.partner.viaNestwerk && (
                <section className="panel" aria-labelledby="referral-letter">
                  <h2 id="referral-letter">{t('network.referral.letter')}</h2>
                  {r.channel && r.sentAt && (
                    <p>
                      {t('network.referral.sentVia', {
                        channel: t(`network.referral.channels.${r.channel}`),
                        date: date(dayOf(r.sentAt)),
                      })}
                    </p>
                  )}
                  <p>
                    <a href={`/api/referrals/${r.id}/letter`} target="_blank" rel="noopener">
                      {t('network.referral.letter')}
                    </a>
                  </p>
                </section>
              )}
              {r.consent && !r.consentWithdrawnAt && r.status !== 'closed' && (
                <section className="panel" aria-labelledby="referral-withdraw">
                  <h2 id="referral-withdraw">{t('network.referral.withdraw')}</h2>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => withdraw.mutate(r)}
                    disabled={withdraw.isPending}
                  >
                    {t('network.referral.withdraw')}
                  </button>
                  {withdraw.isError && <ErrorNotice error={withdraw.error} />}
                </section>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
