import { knowledge } from '@nestwerk/knowledge';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { useHashTarget } from '../../lib/useHashTarget.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { CatalogueFilters } from './CatalogueFilters.tsx';
import { type CatalogueFilter, filterInterventions } from './filter.ts';
import { InterventionCard } from './InterventionCard.tsx';
import { useFamilyFit } from './useFamilyFit.ts';

function readFilter(params: URLSearchParams, defaultRegion: CatalogueFilter['region']): CatalogueFilter {
  const age = params.get('age');
  const ageMonths =
    age !== null && age !== '' && Number.isFinite(Number(age)) ? Math.max(0, Number(age)) : null;
  return {
    ageMonths,
    pregnancy: params.get('pregnancy') === '1',
    setting: (params.get('setting') as CatalogueFilter['setting'] | null) ?? 'all',
    target: params.get('target') ?? '',
    effectiveness: (params.get('effectiveness') as CatalogueFilter['effectiveness'] | null) ?? 'all',
    region: (params.get('region') as CatalogueFilter['region'] | null) ?? defaultRegion,
  };
}

export default function InterventionsPage() {
  const { t } = useTranslation();
  const { lang, region } = useLocale();
  const [params, setParams] = useSearchState();
  const location = useLocation();
  const filter = readFilter(params, region);
  const familyId = params.get('family');
  const fit = useFamilyFit(familyId);
  // Arriving for a family (from its file or the advice) shows what fits it, unless the nurse turned that off.
  const onlyFitting = fit.advised && params.get('fitting') !== '0';

  const results = useMemo(() => {
    const list = filterInterventions(knowledge.interventions, filter, lang);
    return onlyFitting ? list.filter(fit.fits) : list;
  }, [filter, lang, onlyFitting, fit.fits]);

  // Arriving from advice with #code: bring that intervention into view.
  useHashTarget();

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (next) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <h1>{t('interventions.title')}</h1>
      <p>{t('interventions.intro')}</p>
      {fit.banner && (
        <div className="notice" role="status">
          <p>{fit.banner}</p>
          {fit.advised && (
            <label className="check">
              <input
                type="checkbox"
                checked={onlyFitting}
                onChange={(e) => update({ fitting: e.target.checked ? null : '0' })}
              />
              <span>{t('interventions.onlyFitting')}</span>
            </label>
          )}
        </div>
      )}
      <CatalogueFilters filter={filter} onChange={update} />
      <p className="result-count" role="status" data-testid="intervention-count">
        {t('interventions.count', { count: results.length })}
      </p>
      {results.length === 0 ? (
        <p className="empty">{t('interventions.none')}</p>
      ) : (
        <ul className="plain cards">
          {results.map((item) => (
            <InterventionCard
              key={item.code}
              item={item}
              open={location.hash === `#${item.code}`}
              fits={familyId ? fit.fits(item) : null}
              recommended={fit.recommended.includes(item.code) && !fit.fits(item)}
            />
          ))}
        </ul>
      )}
    </>
  );
}
