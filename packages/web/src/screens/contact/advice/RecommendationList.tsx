import type { Recommendation } from '@nestwerk/engine';
import { interventionName, knowledge } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../app/locale.tsx';
import { SourceRefs } from '../../shared/SourceRefs.tsx';
import { stepAnchor } from './NextStepSummary.tsx';

/** Steps that lead to a referral; "advise and monitor" stays within youth health care, safety has its own route. */
const REFERABLE = (category: Recommendation['category']) =>
  category !== 'safety' && category !== 'advise_and_monitor';

/** Next steps in the engine's order (safety first), each with its rationale, interventions and sources. */
export function RecommendationList({
  recommendations,
  familyId,
  contactId,
  onRefer,
}: {
  recommendations: Recommendation[];
  familyId: string;
  contactId?: string | null;
  /**
   * Referring from live advice: the contact screen saves the contact first, so the referral starts from the
   * stored recommendation. Without it the link opens the referral for the saved contact.
   */
  onRefer?: (recommendationId: string) => void;
}) {
  const { t } = useTranslation();
  const { know, region } = useLocale();
  return (
    <section className="advice__block" aria-labelledby="advice-steps">
      <h3 id="advice-steps">{t('advice.nextSteps')}</h3>
      <ol className="plain recommendations">
        {recommendations.map((rec) => (
          <li
            key={rec.id}
            id={stepAnchor(rec)}
            tabIndex={-1}
            className={`recommendation recommendation--${rec.category}`}
            data-testid={`recommendation-${rec.category}`}
          >
            <h4>{t(`advice.categories.${rec.category}`)}</h4>
            <p>{rec.rationale}</p>
            {rec.interventions.length > 0 && (
              <ul className="plain inline-list">
                {rec.interventions.map((code) => {
                  const item = knowledge.interventions.find((i) => i.code === code);
                  return (
                    <li key={code}>
                      <Link
                        to={`/interventions?family=${familyId}#${code}`}
                        title={item ? know(item.label) : undefined}
                      >
                        {interventionName(item ?? code, region)}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
            {REFERABLE(rec.category) && (
              <p>
                <Link
                  className="button button--small"
                  to={`/families/${familyId}/refer?recommendation=${encodeURIComponent(rec.id)}${
                    contactId ? `&contact=${encodeURIComponent(contactId)}` : ''
                  }`}
                  onClick={(event) => {
                    if (!onRefer) return;
                    event.preventDefault();
                    onRefer(rec.id);
                  }}
                >
                  {t('network.referral.action')}
                </Link>
              </p>
            )}
            <SourceRefs sources={rec.sources} />
          </li>
        ))}
      </ol>
    </section>
  );
}
