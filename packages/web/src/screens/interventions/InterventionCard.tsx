import { type Intervention, interventionName } from '@nestwerk/knowledge';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { ageText } from '../shared/age.ts';
import { SourceRefs } from '../shared/SourceRefs.tsx';

export function InterventionCard({
  item,
  open,
  fits,
  recommended,
}: {
  item: Intervention;
  open: boolean;
  fits: boolean | null;
  recommended: boolean;
}) {
  const { t } = useTranslation();
  const { know, region } = useLocale();
  const months = (m: number) => ageText(t, { born: true, months: m });
  const ages = agesText(item.ages, t, months);
  return (
    <li
      id={item.code}
      className="card intervention"
      data-testid="intervention"
      data-code={item.code}
      tabIndex={-1}
    >
      <h2 className="card__title">{interventionName(item, region)}</h2>
      <p>{know(item.label)}</p>
      <p className="tags">
        <span className={`tag tag--effect-${item.effectiveness}`}>
          {t(`interventions.levels.${item.effectiveness}`)}
        </span>
        <span className="tag">{t(`interventions.settings.${item.setting}`)}</span>
        <span className="tag">{ages}</span>
        {fits === true && <span className="tag tag--fits">{t('interventions.fitsFamily')}</span>}
        {recommended && <span className="tag tag--recommended">{t('interventions.recommended')}</span>}
      </p>
      <details open={open}>
        <summary>{t('common.details')}</summary>
        <p>{know(item.description)}</p>
        <dl className="facts">
          <dt>{t('interventions.target')}</dt>
          <dd>{know(item.targetGroup)}</dd>
          <dt>{t('interventions.format')}</dt>
          <dd>{know(item.format)}</dd>
          <dt>{t('interventions.regions')}</dt>
          <dd>{item.regions.map((r) => t(`interventions.regionNames.${r}`)).join(', ')}</dd>
        </dl>
        <SourceRefs sources={item.sources} />
      </details>
    </li>
  );
}

function agesText(
  ages: Intervention['ages'],
  // The plain signature: the inferred one instantiates every message key and exceeds TypeScript's depth limit.
  t: TFunction,
  months: (m: number) => string,
) {
  const weeks = ages.minGestationWeeks;
  if (weeks === undefined)
    return t('interventions.agesRange', { from: months(ages.minMonths), to: months(ages.belowMonths) });
  if (ages.belowMonths === 0)
    return weeks > 0
      ? t('interventions.agesPregnancyOnlyFrom', { weeks })
      : t('interventions.agesPregnancyOnly');
  return weeks > 0
    ? t('interventions.agesFromPregnancy', { weeks, to: months(ages.belowMonths) })
    : t('interventions.agesFromPregnancyStart', { to: months(ages.belowMonths) });
}
