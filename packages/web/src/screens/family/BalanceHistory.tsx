import type { FactorLevel } from '@nestwerk/knowledge';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { WithTallies } from './BalanceSection.tsx';

const LEVELS: FactorLevel[] = ['parent', 'family', 'child'];

/**
 * How burden and strength changed over the contacts: one small diverging chart per level (burden down,
 * strength up, one column per contact), with the same numbers as a table for anyone who cannot see it.
 */
export function BalanceHistory({ history }: { history: WithTallies[] }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const id = useId();
  const shown = history.slice(-8);
  const max = Math.max(
    3,
    ...shown.flatMap((a) =>
      LEVELS.flatMap((l) => [a.balanceByLevel[l].hindering, a.balanceByLevel[l].protective]),
    ),
  );
  const colWidth = 34;
  // Wide enough for the level's name even with one contact, or the picture is scaled up and the names overlap.
  const panelWidth = Math.max(shown.length * colWidth + 10, 124);
  const half = 36;
  const height = half * 2 + 34;
  const width = LEVELS.length * (panelWidth + 16);
  const bar = (n: number) => (n / max) * (half - 4);

  return (
    <figure className="balance-history">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="balance-history__svg"
      >
        <title id={`${id}-title`}>{t('balance.historyTitle')}</title>
        <desc id={`${id}-desc`}>{t('balance.historyDesc')}</desc>
        {LEVELS.map((level, li) => {
          const x0 = li * (panelWidth + 16);
          const mid = 16 + half;
          return (
            <g key={level}>
              <text x={x0} y={11} className="balance-picture__label">
                {t(`common.levels.${level}`)}
              </text>
              <line x1={x0} x2={x0 + panelWidth} y1={mid} y2={mid} className="balance-picture__axis" />
              {shown.map((a, i) => {
                const x = x0 + 6 + i * colWidth;
                const p = bar(a.balanceByLevel[level].protective);
                const h = bar(a.balanceByLevel[level].hindering);
                return (
                  <g key={a.contactId}>
                    <rect
                      x={x}
                      y={mid - p}
                      width={colWidth - 12}
                      height={p}
                      className="balance-picture__strength"
                    />
                    <rect
                      x={x}
                      y={mid}
                      width={colWidth - 12}
                      height={h}
                      className="balance-picture__burden"
                    />
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">
        ▲ {t('balance.strength')} · ▼ {t('balance.burden')}
      </figcaption>
      <details>
        <summary>{t('family.balanceHistoryTable')}</summary>
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('family.estimateDate')}</th>
                {LEVELS.map((level) => (
                  <th key={level} scope="col">
                    {t(`common.levels.${level}`)} ({t('balance.burden')} / {t('balance.strength')})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.map((a) => (
                <tr key={a.contactId}>
                  <th scope="row">{date(a.date)}</th>
                  {LEVELS.map((level) => (
                    <td key={level}>
                      {a.balanceByLevel[level].hindering} / {a.balanceByLevel[level].protective}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
