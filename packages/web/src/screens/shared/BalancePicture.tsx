import type { BalanceByLevel } from '@nestwerk/contract';
import type { FactorLevel } from '@nestwerk/knowledge';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const LEVELS: FactorLevel[] = ['parent', 'family', 'child'];

/**
 * Burden against strength per level as a diverging bar picture: burden to the left, strength to the right,
 * the count written beside each bar (never colour alone). The SVG is an image with a text alternative that
 * states every number, so a screen reader hears exactly what the picture shows. The compact form (advice
 * panel) puts each level's name above its bars, so the narrow panel keeps readable text.
 */
export function BalancePicture({ tallies, compact = false }: { tallies: BalanceByLevel; compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(4, ...LEVELS.flatMap((l) => [tallies[l].hindering, tallies[l].protective]));
  const width = compact ? 260 : 480;
  const labelWidth = compact ? 0 : 140;
  const half = (width - labelWidth) / 2;
  const rowHeight = compact ? 38 : 32;
  const barTop = compact ? 15 : 0;
  const barH = compact ? 16 : rowHeight - 10;
  const top = 22;
  const height = top + LEVELS.length * rowHeight + 4;
  const scale = (n: number) => (n / max) * (half - 22);
  const desc = LEVELS.map((level) =>
    t('balance.pictureDesc', {
      level: t(`common.levels.${level}`),
      hindering: tallies[level].hindering,
      protective: tallies[level].protective,
    }),
  ).join(' ');
  const centre = labelWidth + half;

  return (
    <svg
      className={compact ? 'balance-picture balance-picture--compact' : 'balance-picture'}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{t('balance.pictureTitle')}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <text x={centre - 6} y={14} className="balance-picture__head" textAnchor="end">
        ◀ {t('balance.burden')}
      </text>
      <text x={centre + 6} y={14} className="balance-picture__head">
        {t('balance.strength')} ▶
      </text>
      <line x1={centre} x2={centre} y1={top - 4} y2={height - 2} className="balance-picture__axis" />
      {LEVELS.map((level, i) => {
        const y = top + i * rowHeight;
        const barY = y + barTop;
        const h = scale(tallies[level].hindering);
        const p = scale(tallies[level].protective);
        return (
          <g key={level}>
            <text x={0} y={compact ? y + 11 : y + barH / 2 + 4} className="balance-picture__label">
              {t(`common.levels.${level}`)}
            </text>
            <rect x={centre - h} y={barY} width={h} height={barH} className="balance-picture__burden" />
            <text
              x={centre - h - 4}
              y={barY + barH / 2 + 4}
              textAnchor="end"
              className="balance-picture__count"
            >
              {tallies[level].hindering}
            </text>
            <rect x={centre} y={barY} width={p} height={barH} className="balance-picture__strength" />
            <text x={centre + p + 4} y={barY + barH / 2 + 4} className="balance-picture__count">
              {tallies[level].protective}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
