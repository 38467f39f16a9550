import type { DashboardTable } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

interface Published {
  count: number | null;
  suppressed: boolean;
}

/** The published figures as a real table: the chart's accessible twin, hidden cells marked and explained. */
export function FigureTable({
  table,
  caption,
  columnLabel,
  rowLabel,
}: {
  table: DashboardTable;
  caption: string;
  columnLabel: (c: string) => string;
  rowLabel: (key: string, label: string) => string;
}) {
  const { t } = useTranslation();
  const { number } = useLocale();
  const show = (p: Published) =>
    p.suppressed || p.count === null ? (
      <span className="suppressed" title={t('dashboard.hiddenExplained')}>
        {t('dashboard.hiddenMark')}
        <span className="visually-hidden"> {t('dashboard.hiddenExplained')}</span>
      </span>
    ) : (
      number(p.count)
    );
  const hasRate = table.rows.some((r) => r.rate !== undefined);
  return (
    // Focusable so a keyboard user can scroll a wide table sideways on a narrow screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={caption} tabIndex={0}>
      <table className="table table--compact figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {table.rowKind === 'route' ? t('dashboard.route') : t('dashboard.municipality')}
            </th>
            {table.columns.map((c) => (
              <th scope="col" key={c} className="num">
                {columnLabel(c)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('dashboard.total')}
            </th>
            {hasRate && (
              <th scope="col" className="num">
                {t('dashboard.rate')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{rowLabel(row.key, row.label)}</th>
              {row.cells.map((c) => (
                <td key={c.column} className="num">
                  {show(c)}
                </td>
              ))}
              <td className="num">{show(row.total)}</td>
              {hasRate && (
                <td className="num">
                  {row.rate === null || row.rate === undefined ? (
                    <span className="suppressed">{t('dashboard.hiddenMark')}</span>
                  ) : (
                    `${number(Math.round(row.rate * 100))}%`
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.total')}</th>
            {table.columnTotals.map((c) => (
              <td key={c.column} className="num">
                {show(c)}
              </td>
            ))}
            <td className="num">{show(table.grandTotal)}</td>
            {hasRate && <td />}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
