import type { SourceDocument } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useHashTarget } from '../../lib/useHashTarget.ts';

const DOCUMENTS: SourceDocument[] = [
  '003_47e0953cc5abd28a.txt',
  '002_3a329fe0ecb56741.txt',
  '000_2afd5fe3e55409ce.txt',
  '001_23e4b783b1d7f17e.txt',
  '004_a575a0cd639937c5.txt',
];

export default function SourcesPage() {
  const { t } = useTranslation();
  useHashTarget();
  return (
    <>
      <h1>{t('sources.title')}</h1>
      <p>{t('sources.intro')}</p>
      <ul className="plain sources-list">
        {DOCUMENTS.map((doc) => (
          <li key={doc} id={`doc-${doc.slice(0, 3)}`} className="panel" tabIndex={-1}>
            <h2>{t(`sources.short.${doc}`)}</h2>
            <p>{t(`sources.docs.${doc}`)}</p>
            <p className="muted">
              <code>{doc}</code>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
