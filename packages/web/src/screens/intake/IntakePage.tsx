import { knowledge } from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';
import { ageText } from '../shared/age.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** The summary carries codes: the receiver reads them in its own language. */
const reasonLabels = new Map(
  [...knowledge.imhReferralReasons, ...knowledge.referralCriteria].map((r) => [r.code as string, r.label]),
);

/** The receiving partner's queue: incoming referrals with only what was shared. */
export default function IntakePage() {
  const { t } = useTranslation();
  const { date, know } = useLocale();
  // Only sent referrals reach the queue; the type allows a draft's missing date.
  const sentOn = (at: string | null) => (at ? date(dayOf(at)) : '—');
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const queue = useQuery({
    queryKey: ['intake', status],
    queryFn: () => api.call('GET /api/intake', { query: { status, limit: 100 } }),
  });
  return (
    <>
      <div className="page-head">
        <h1>{t('network.intake.title')}</h1>
      </div>
      <p>{t('network.intake.intro')}</p>
      <fieldset className="segmented">
        <legend>{t('network.intake.show')}</legend>
        {(['open', 'all'] as const).map((value) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="intake-status"
              checked={status === value}
              onChange={() => setStatus(value)}
            />
            <span>{t(`network.intake.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {queue.isError && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data &&
        (queue.data.items.length === 0 ? (
          <p className="empty">{t('network.intake.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table intake">
              <caption className="visually-hidden">{t('network.intake.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.intake.columns.sent')}</th>
                  <th scope="col">{t('network.intake.columns.child')}</th>
                  <th scope="col">{t('network.intake.columns.reason')}</th>
                  <th scope="col">{t('network.intake.columns.referrer')}</th>
                  <th scope="col">{t('network.intake.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link
                        to={`/intake/${item.id}`}
                        aria-label={t('network.intake.view', { date: sentOn(item.sentAt) })}
                      >
                        {sentOn(item.sentAt)}
                      </Link>
                    </th>
                    <td className="intake__age">
                      {item.summary?.child?.ageMonths !== undefined
                        ? ageText(t, { born: true, months: item.summary.child.ageMonths })
                        : item.summary?.child?.gestationWeeks !== undefined
                          ? t('network.referral.gestation', { weeks: item.summary.child.gestationWeeks })
                          : '—'}
                    </td>
                    <td>
                      {item.summary && item.summary.imhReasons.length + item.summary.criteria.length > 0 ? (
                        // One reason per line: the labels are sentences, a comma list of them is hard to read.
                        <ul className="plain intake__reasons">
                          {[...new Set([...item.summary.imhReasons, ...item.summary.criteria])].map(
                            (code) => {
                              const label = reasonLabels.get(code);
                              return <li key={code}>{label ? know(label) : code}</li>;
                            },
                          )}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {item.summary
                        ? `${item.summary.referrer.name}, ${item.summary.referrer.organisation}`
                        : '—'}
                    </td>
                    <td>
                      {t(`network.status.${item.status}`)}
                      {item.sharing !== 'open' && (
                        <span className="badge badge--danger">{t('network.intake.sharingStopped')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
