import type { Assessment } from '@nestwerk/engine';
import { type CaregiverRole, knowledge } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { useParentName } from './names.ts';
import { OutcomeBadge, ScreeningOutcomeBlock } from './ScreeningOutcome.tsx';

interface Named {
  id: string;
  givenName: string;
  role?: CaregiverRole | null;
}

/**
 * Each parent as a person in the advice (DESIGN §2.11): their own hindering and protective factors
 * (`balance.byParent`) and their screening outcome (`parentMentalHealth`). The engine's parents are the
 * family's caregivers in order, so index i is caregiver i.
 */
export function ParentsAdvice({
  assessment,
  caregivers,
  familyId,
  screenLink,
  headingLevel = 3,
}: {
  /**
   * Without `parentMentalHealth` the cards show factors only: the family file has the parents' current
   * screenings in a panel of their own, where the latest contact's assessment may predate the latest screening.
   */
  assessment: Pick<Assessment, 'balance'> & Partial<Pick<Assessment, 'parentMentalHealth'>>;
  caregivers: readonly Named[];
  familyId: string;
  /** Where a screening link returns to (the contact moment), or undefined for none. */
  screenLink?: (personId: string) => string;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const parentName = useParentName();
  const label = (code: string) => {
    const factor = knowledge.factors.find((f) => f.code === code);
    return factor ? know(factor.label) : code;
  };
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  const byParent = assessment.balance.byParent ?? [];
  return (
    <section className="advice__block parents-advice" aria-labelledby={`parents-advice-${familyId}`}>
      <H id={`parents-advice-${familyId}`}>{t('screening.advice.title')}</H>
      {byParent.length === 0 ? (
        <p className="muted">{t('screening.advice.noParents')}</p>
      ) : (
        <ul className="plain parents-advice__list">
          {byParent.map((own) => {
            const person = caregivers[own.parent];
            const name = person ? parentName(person) : t(`common.roles.${own.role}`);
            const mental = assessment.parentMentalHealth?.find((m) => m.parent === own.parent);
            return (
              <li key={own.parent} className="parent-card" data-testid={`parent-advice-${own.parent}`}>
                <Sub className="parent-card__name">{name}</Sub>
                <p>
                  {own.hindering.length + own.protective.length === 0
                    ? t('screening.advice.noOwnFactors')
                    : t('screening.advice.parentBalance', {
                        hindering: own.hindering.length,
                        protective: own.protective.length,
                      })}
                </p>
                {own.hindering.length + own.protective.length > 0 && (
                  <ul className="parent-card__factors">
                    {own.hindering.map((code) => (
                      <li key={code} className="factor-chip factor-chip--hindering">
                        <span aria-hidden="true">− </span>
                        {label(code)}
                      </li>
                    ))}
                    {own.protective.map((code) => (
                      <li key={code} className="factor-chip factor-chip--protective">
                        <span aria-hidden="true">+ </span>
                        {label(code)}
                      </li>
                    ))}
                  </ul>
                )}
                {assessment.parentMentalHealth === undefined ? null : mental ? (
                  <details
                    className="parent-card__screening"
                    open={mental.outcome !== 'no_concern' && mental.outcome !== 'screen_further'}
                  >
                    <summary>
                      {t('screening.advice.screeningResult', { outcome: '' })}
                      <OutcomeBadge outcome={mental.outcome} />
                    </summary>
                    <ScreeningOutcomeBlock result={mental} headingLevel={4} />
                  </details>
                ) : (
                  <p className="muted">{t('screening.advice.notScreened')}</p>
                )}
                {person && screenLink && (
                  <p>
                    <Link className="button button--small" to={screenLink(person.id)}>
                      {t('screening.startFor', { name: person.givenName })}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
