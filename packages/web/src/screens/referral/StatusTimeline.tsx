import type { Referral } from '@nestwerk/contract';
import { REFERRAL_CHANNELS } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';

/** Every status step with its time: draft → sent → received → accepted / declined → in care → closed. */
export function StatusTimeline({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const { tag, date } = useLocale();
  // A send step notes its channel as a code; other steps note the partner's own words.
  const noteText = (status: string, note: string) =>
    status === 'sent' && (REFERRAL_CHANNELS as readonly string[]).includes(note)
      ? t('network.referral.viaChannel', {
          channel: t(`network.referral.channels.${note as (typeof REFERRAL_CHANNELS)[number]}`),
        })
      : note;
  return (
    <section className="panel" aria-labelledby="referral-timeline">
      <h2 id="referral-timeline">{t('network.referral.timeline')}</h2>
      {r.history.length === 0 && <p className="empty">{t('network.referral.timelineEmpty')}</p>}
      <ol className="plain referral-timeline" data-testid="referral-timeline">
        {r.history.map((h) => (
          <li key={`${h.status}-${h.at}`} className="timeline__item">
            <time dateTime={h.at}>{formatDateTime(h.at, tag)}</time>
            <span>
              <strong>{t(`network.status.${h.status}`)}</strong>
              {h.by?.name && <span className="muted"> · {h.by.name}</span>}
              {h.note && <span> — {noteText(h.status, h.note)}</span>}
            </span>
          </li>
        ))}
      </ol>
      {r.declineReason && <p>{t('network.referral.declined', { reason: r.declineReason })}</p>}
      {r.intakeDate && <p>{t('network.referral.intakeOn', { date: date(r.intakeDate) })}</p>}
    </section>
  );
}
