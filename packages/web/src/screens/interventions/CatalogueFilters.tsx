import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueFilter, EFFECTIVENESS_ORDER } from './filter.ts';

export function CatalogueFilters({
  filter,
  onChange,
}: {
  filter: CatalogueFilter;
  onChange(changes: Record<string, string | null>): void;
}) {
  const { t } = useTranslation();
  // Typing stays local and applies as you type; the address keeps the filter for back and reload.
  const [target, setTarget] = useState(filter.target);
  const [age, setAge] = useState(filter.ageMonths === null ? '' : String(filter.ageMonths));
  useEffect(() => setTarget(filter.target), [filter.target]);
  useEffect(() => setAge(filter.ageMonths === null ? '' : String(filter.ageMonths)), [filter.ageMonths]);

  return (
    <form
      className="filters filters--catalogue"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('interventions.filters')}
    >
      <div className="field">
        <label htmlFor="cat-age">{t('interventions.age')}</label>
        <input
          id="cat-age"
          type="number"
          min={0}
          max={216}
          inputMode="numeric"
          value={age}
          disabled={filter.pregnancy}
          aria-describedby="cat-age-hint"
          onChange={(e) => {
            setAge(e.target.value);
            onChange({ age: e.target.value });
          }}
        />
        <p className="hint" id="cat-age-hint">
          {t('interventions.ageHint')}
        </p>
      </div>
      <div className="field">
        <span className="field__label-spacer" aria-hidden="true" />
        <label className="check">
          <input
            id="cat-pregnancy"
            type="checkbox"
            checked={filter.pregnancy}
            onChange={(e) => onChange({ pregnancy: e.target.checked ? '1' : null, age: null })}
          />
          <span>{t('interventions.pregnancy')}</span>
        </label>
      </div>
      <div className="field">
        <label htmlFor="cat-setting">{t('interventions.setting')}</label>
        <select
          id="cat-setting"
          value={filter.setting}
          onChange={(e) => onChange({ setting: e.target.value })}
        >
          <option value="all">{t('interventions.settingAll')}</option>
          <option value="within_jgz">{t('interventions.settings.within_jgz')}</option>
          <option value="outside_jgz">{t('interventions.settings.outside_jgz')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="cat-effectiveness">{t('interventions.effectiveness')}</label>
        <select
          id="cat-effectiveness"
          value={filter.effectiveness}
          onChange={(e) => onChange({ effectiveness: e.target.value })}
        >
          <option value="all">{t('interventions.effectivenessAll')}</option>
          {EFFECTIVENESS_ORDER.map((level) => (
            <option key={level} value={level}>
              {t(`interventions.levels.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cat-region">{t('interventions.regions')}</label>
        <select id="cat-region" value={filter.region} onChange={(e) => onChange({ region: e.target.value })}>
          <option value="nl">{t('interventions.regionNames.nl')}</option>
          <option value="be">{t('interventions.regionNames.be')}</option>
          <option value="all">
            {t('interventions.regionNames.nl')} + {t('interventions.regionNames.be')}
          </option>
        </select>
      </div>
      <div className="field field--grow">
        <label htmlFor="cat-target">{t('interventions.targetGroup')}</label>
        <input
          id="cat-target"
          type="search"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            onChange({ target: e.target.value });
          }}
        />
      </div>
      <div className="field">
        <span className="field__label-spacer" aria-hidden="true" />
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            onChange({
              age: null,
              pregnancy: null,
              setting: null,
              effectiveness: null,
              target: null,
              region: null,
            })
          }
        >
          {t('interventions.reset')}
        </button>
      </div>
    </form>
  );
}
