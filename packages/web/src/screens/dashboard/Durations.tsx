import type { DashboardDuration } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { quarterName } from './DashboardPage.tsx';

/** Days from the first signal to the start of help: a median of a small group is withheld like a small count. */
export function Durations({ durations, period }: { durations: DashboardDuration[]; period: string }) {
  const { t } = useTranslation();
  const { number } = useLocale();
  const title = t('dashboard.indicators.time_to_help.title');
  const days = (value: number | null) =>
    value === null ? (
      <span className="suppressed" title={t('dashboard.hiddenExplained')}>
        {t('dashboard.hiddenMark')}
        <span className="visually-hidden"> {t('dashboard.hiddenExplained')}</span>
      </span>
    ) : (
      t('dashboard.days', { count: value, formatted: number(value) })
    );
  return (
    <section className="card dashboard-card" aria-labelledby="h-time-to-help">
      <h2 id="h-time-to-help">{t('dashboard.indicators.time_to_help.title')}</h2>
      <p className="muted">{t('dashboard.indicators.time_to_help.help')}</p>
      {durations.length === 0 ? (
        <p className="empty">{t('dashboard.noData')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-wrap" aria-label={title} tabIndex={0}>
          <table className="table table--compact figure-table">
            <caption>{`${t('dashboard.indicators.time_to_help.title')}, ${quarterName(t, period)}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.municipality')}</th>
                <th scope="col" className="num">
                  {t('dashboard.median')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.p75')}
                </th>
              </tr>
            </thead>
            <tbody>
              {durations.map((d) => (
                <tr key={d.key}>
                  <th scope="row">
                    {d.key === '*'
                      ? t('dashboard.total')
                      : d.key === '-'
                        ? t('dashboard.unknownMunicipality')
                        : d.label}
                  </th>
                  <td className="num">{days(d.median)}</td>
                  <td className="num">{days(d.p75)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
