import type { SourceRef } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The guideline passages behind a piece of advice, each linking to the source list. */
export function SourceRefs({ sources }: { sources: SourceRef[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <p className="sources">
      <span className="sources__label">
        {sources.length === 1 ? t('common.source') : t('common.sources')}:{' '}
      </span>
      {sources.map((s, i) => (
        <span key={`${s.document}-${s.ref}`}>
          {i > 0 && '; '}
          <Link to={`/sources#doc-${s.document.slice(0, 3)}`} title={t(`sources.docs.${s.document}`)}>
            {t(`sources.short.${s.document}`)}
          </Link>
          , {s.ref}
        </span>
      ))}
    </p>
  );
}
