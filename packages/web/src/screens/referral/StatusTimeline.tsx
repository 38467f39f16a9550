import type { Referral } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';

/** Every status step with its time: draft → sent → received → accepted / declined → in care → closed. */
export function StatusTimeline({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const { tag, date } = useLocale();
  return (
    <section className="panel" aria-labelledby="referral-timeline">
      <h2 id="referral-timeline">{t('network.referral.timeline')}</h2>
      <ol className="plain referral-timeline" data-testid="referral-timeline">
        {r.history.map((h) => (
          <li key={`${h.status}-${h.at}`} className="timeline__item">
            <strong>{t(`network.status.${h.status}`)}</strong>{' '}
            <span className="muted">{formatDateTime(h.at, tag)}</span>
            {h.by && <span className="muted"> · {h.by.name}</span>}
            {h.note && <span> — {h.note}</span>}
          </li>
        ))}
      </ol>
      {r.declineReason && <p>{t('network.referral.declined', { reason: r.declineReason })}</p>}
      {r.intakeDate && <p>{t('network.referral.intakeOn', { date: date(r.intakeDate) })}</p>}
    </section>
  );
}
