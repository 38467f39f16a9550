import type { Referral } from '@nestwerk/contract';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** Feedback is overdue: remind the receiving team in Nestwerk, at most once a day. */
export function ReminderPanel({ referral: r, onSent }: { referral: Referral; onSent(r: Referral): void }) {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const remind = useMutation({
    mutationFn: () => api.call('POST /api/referrals/:id/remind', { params: { id: r.id }, body: {} }),
    onSuccess: onSent,
  });
  const last = r.reminder.lastSentAt;
  return (
    <section className="panel" aria-labelledby="referral-reminder" data-testid="referral-reminder">
      <h2 id="referral-reminder">{t('network.referral.reminderTitle')}</h2>
      <p>{t('network.referral.reminderHint', { partner: r.partner.name })}</p>
      {last && (
        <p className="muted" role="status">
          {t('network.referral.reminderSent', { time: formatDateTime(last, tag) })}
        </p>
      )}
      {r.reminder.canSend ? (
        <button type="button" className="button" disabled={remind.isPending} onClick={() => remind.mutate()}>
          {t('network.referral.remind')}
        </button>
      ) : (
        <p className="hint">{t('network.referral.reminderTomorrow')}</p>
      )}
      {remind.isError && <ErrorNotice error={remind.error} />}
    </section>
  );
}
