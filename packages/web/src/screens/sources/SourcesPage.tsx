import { DOC, type SourceDocument } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHashTarget } from '../../lib/useHashTarget.ts';
import { sourceAnchor } from '../shared/SourceRefs.tsx';

const DOCUMENTS: SourceDocument[] = Object.values(DOC);

/**
 * Every document Nestwerk's advice rests on, by title. A link from a piece of advice lands on its document
 * and names the passage it came from (`?passage=Thema 2, aanbeveling 10`).
 */
export default function SourcesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const passage = params.get('passage');
  const target = params.get('doc');
  useHashTarget();
  return (
    <>
      <h1>{t('sources.title')}</h1>
      <p>{t('sources.intro')}</p>
      <ul className="plain sources-list">
        {DOCUMENTS.map((doc) => (
          <li key={doc} id={sourceAnchor(doc)} className="panel" tabIndex={-1}>
            <h2>{t(`sources.short.${doc}`)}</h2>
            <p>{t(`sources.docs.${doc}`)}</p>
            {passage && target === doc && <p className="notice">{t('sources.passage', { passage })}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
