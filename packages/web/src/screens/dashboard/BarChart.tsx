import type { DashboardTable } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

/**
 * Horizontal stacked bars drawn as plain SVG: one bar per row, one segment per published cell. A hidden
 * (suppressed) cell draws nothing — the chart can never show what the table does not publish. The table next
 * to it is the accessible reading of the same figures; the SVG itself is described as an image.
 */
const COLOURS = ['#2f6f7e', '#e0a030', '#b5475b', '#6a8f3a', '#7b5ea7', '#8a8a8a'];
const ROW_HEIGHT = 26;
const LABEL_WIDTH = 150;
const WIDTH = 520;

export function BarChart({
  table,
  columnLabel,
  rowLabel,
}: {
  table: DashboardTable;
  columnLabel: (c: string) => string;
  rowLabel: (key: string, label: string) => string;
}) {
  const { t } = useTranslation();
  const { number } = useLocale();
  // The region's column totals as the last bar: when every municipality is too small to show, the region
  // as a whole often is not.
  const bars = [
    ...table.rows.map((r) => ({ key: r.key, label: rowLabel(r.key, r.label), cells: r.cells })),
    { key: '*total', label: t('dashboard.total'), cells: table.columnTotals },
  ];
  const max = Math.max(1, ...bars.map((r) => r.cells.reduce((sum, c) => sum + (c.count ?? 0), 0)));
  const plot = WIDTH - LABEL_WIDTH - 40;
  const height = bars.length * ROW_HEIGHT + 8;
  return (
    <figure className="bar-chart">
      <svg
        role="img"
        aria-label={t('dashboard.chartLabel', { title: table.title })}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((row, i) => {
          let x = LABEL_WIDTH;
          const y = 4 + i * ROW_HEIGHT;
          const hidden = row.cells.some((c) => c.suppressed);
          const total = row.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
          return (
            <g key={row.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + 16}
                textAnchor="end"
                className={
                  row.key === '*total' ? 'bar-chart__label bar-chart__label--total' : 'bar-chart__label'
                }
              >
                {row.label.length > 20 ? `${row.label.slice(0, 19)}…` : row.label}
              </text>
              {row.cells.map((cell, j) => {
                if (cell.count === null || cell.count === 0) return null;
                const w = (cell.count / max) * plot;
                const rect = (
                  <rect
                    key={cell.column}
                    x={x}
                    y={y + 3}
                    width={w}
                    height={ROW_HEIGHT - 8}
                    fill={COLOURS[j % COLOURS.length]}
                  >
                    <title>{`${row.label} · ${columnLabel(cell.column)}: ${number(cell.count)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 16} className="bar-chart__value">
                {hidden
                  ? `${total > 0 ? number(total) : ''} ${t('dashboard.hiddenMark')}`.trim()
                  : number(total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="bar-chart__legend">
          {table.columns.map((c, j) => (
            <li key={c}>
              <span
                className="bar-chart__swatch"
                style={{ background: COLOURS[j % COLOURS.length] }}
                aria-hidden="true"
              />
              {columnLabel(c)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
