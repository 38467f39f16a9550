import { knowledge } from '@nestwerk/knowledge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { useUser } from '../../app/session.tsx';
import { useHashTarget } from '../../lib/useHashTarget.ts';
import { ageText } from '../shared/age.ts';
import { SourceRefs } from '../shared/SourceRefs.tsx';
import { loadedDefinitions } from './definitions.ts';
import { LoadDefinition } from './LoadDefinition.tsx';

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const { know } = useLocale();
  const user = useUser();
  const [params] = useSearchParams();
  const family = params.get('family');
  const [definitions, setDefinitions] = useState(() => loadedDefinitions(user.organisation.id));
  const months = (m: number) => ageText(t, { born: true, months: m });
  useHashTarget();
  const suffix = family ? `?family=${encodeURIComponent(family)}` : '';

  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <p>{t('instruments.intro')}</p>
      <ul className="plain cards">
        {knowledge.instruments.map((instrument) => {
          const loaded = definitions.find((d) => d.id === instrument.id);
          return (
            <li key={instrument.id} id={instrument.id} className="card" tabIndex={-1}>
              <h2 className="card__title">{instrument.name}</h2>
              <p>{know(instrument.label)}</p>
              <dl className="facts">
                <dt>{t('instruments.ages')}</dt>
                <dd>
                  {t('interventions.agesRange', {
                    from: months(instrument.ages.minMonths),
                    to: months(instrument.ages.belowMonths),
                  })}
                </dd>
                <dt>{t('instruments.informant')}</dt>
                <dd>{know(instrument.informant)}</dd>
                <dt>{t('instruments.purpose')}</dt>
                <dd>{know(instrument.purpose)}</dd>
                <dt>{t('instruments.licence')}</dt>
                <dd>{know(instrument.licence)}</dd>
              </dl>
              {loaded ? (
                <Link className="button button--primary" to={`/instruments/fill/${loaded.id}${suffix}`}>
                  {t('instruments.fill')}
                </Link>
              ) : (
                <p className="notice notice--warning">{t('instruments.notLoaded')}</p>
              )}
              <SourceRefs sources={instrument.sources} />
            </li>
          );
        })}
      </ul>
      <section className="panel" aria-labelledby="loaded-title">
        <h2 id="loaded-title">{t('instruments.loaded')}</h2>
        <ul className="plain">
          {definitions.map((d) => (
            <li key={d.id} className="loaded-definition">
              <strong>{d.id === 'oefenlijst' ? t('instruments.example') : d.name}</strong>{' '}
              <span className="muted">v{d.version}</span>{' '}
              <Link className="button button--small" to={`/instruments/fill/${d.id}${suffix}`}>
                {t('instruments.fill')}
              </Link>
              <p className="hint">{know(d.licence)}</p>
            </li>
          ))}
        </ul>
        <LoadDefinition
          organisationId={user.organisation.id}
          onLoaded={() => setDefinitions(loadedDefinitions(user.organisation.id))}
        />
      </section>
    </>
  );
}
