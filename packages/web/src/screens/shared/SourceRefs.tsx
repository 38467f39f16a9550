import { type SourceDocument, type SourceRef, uniqueSources } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The id of a document on the sources page. */
export function sourceAnchor(document: SourceDocument): string {
  return `doc-${document.replace(/\.txt$/, '').replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The guideline passages behind a piece of advice: the document's title and the passage, linking to it. */
export function SourceRefs({ sources: cited }: { sources: SourceRef[] }) {
  const { t } = useTranslation();
  // Advice stored before the engine listed each passage once may name one twice.
  const sources = uniqueSources(cited);
  if (sources.length === 0) return null;
  return (
    <p className="sources">
      <span className="sources__label">{t('common.sourcesLabel', { count: sources.length })} </span>
      {sources.map((s, i) => (
        <span key={`${s.document}-${s.ref}`}>
          {i > 0 && '; '}
          <Link
            to={`/sources?doc=${encodeURIComponent(s.document)}&passage=${encodeURIComponent(s.ref)}#${sourceAnchor(s.document)}`}
            title={t(`sources.docs.${s.document}`)}
          >
            {t(`sources.short.${s.document}`)}
          </Link>
          , {s.ref}
        </span>
      ))}
    </p>
  );
}
