import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

export function Pager({
  offset,
  limit,
  total,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  onPage(offset: number): void;
}) {
  const { t } = useTranslation();
  const { number } = useLocale();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={t('worklist.pagination')}>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        {t('worklist.previous')}
      </button>
      <span className="pager__range">
        {t('worklist.range', { from: number(from), to: number(to), total: number(total) })}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset + limit >= total}
        onClick={() => onPage(offset + limit)}
      >
        {t('worklist.next')}
      </button>
    </nav>
  );
}
