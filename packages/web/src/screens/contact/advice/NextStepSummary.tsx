import type { Assessment, Recommendation } from '@nestwerk/engine';
import { interventionName, knowledge } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/locale.tsx';

const PROTECTIVE_COUNT = knowledge.factors.filter((f) => f.kind === 'protective').length;

/** The id of a next step's element in the list below, for the jump link. */
export const stepAnchor = (rec: Recommendation) => `advice-step-${rec.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * The strongest next step first, in one line that changes as the nurse ticks: the engine orders its steps
 * from safety to "advise and monitor", so the first one is the strongest. Referral criteria are counted out
 * loud ("3 van 4 verwijscriteria") because that is what tips a contact towards referring, and strengths
 * nobody asked about yet are named as such, never shown as zero strength. Not a live region: the panel's
 * one-line live summary already announces each change.
 */
export function NextStepSummary({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const { know, region } = useLocale();
  const [top, ...rest] = assessment.recommendations;
  const met = assessment.referral.criteriaMet.length;
  const criteria = t('advice.summary.criteria', { count: met });
  // The region's own name (a baby-peuterteam in Flanders), without the parenthesised gloss.
  const shortName = (code: string) => interventionName(code, region).split(' (')[0];

  let headline: string;
  let tone = top?.category ?? 'none';
  if (!top) headline = t('advice.summary.none');
  else if (top.category === 'safety') {
    const route = knowledge.interventions.find((i) => i.code === top.interventions[0]);
    headline = t('advice.summary.safety', {
      route: route ? know(route.label) : t('advice.categories.safety'),
    });
  } else if (top.id === 'refer_outside.imh_flanders') {
    // In Flanders one IMH signal is enough, with no criteria met: counting "0 van 4" would contradict the advice.
    headline = t('advice.summary.imhSignal', {
      count: assessment.referral.imhReasons.length,
      route: top.interventions.map(shortName).join(', '),
    });
  } else if (top.category === 'refer_outside') {
    const routes = top.interventions.map(shortName).join(', ');
    headline = routes
      ? t('advice.summary.refer', { criteria, route: routes })
      : t('advice.summary.referGeneric', { criteria });
  } else {
    const names = top.interventions.map(shortName).join(', ');
    headline = names
      ? `${t(`advice.categories.${top.category}`)}: ${names}`
      : t(`advice.categories.${top.category}`);
  }
  if (top && top.category !== 'safety' && top.category !== 'refer_outside' && met === 1) tone = 'criterion';

  const { balance } = assessment;
  const unasked = PROTECTIVE_COUNT - balance.protective.length - balance.missingStrengths.length;
  const showUnasked = balance.hindering.length > 0 && unasked > 0;

  const jump = (rec: Recommendation) => {
    const target = document.getElementById(stepAnchor(rec));
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    target?.focus({ preventScroll: true });
  };

  return (
    <section
      className={`next-step next-step--${tone}`}
      aria-labelledby="advice-next-step"
      data-testid="advice-summary"
    >
      <h3 id="advice-next-step" className="next-step__title">
        {t('advice.summary.title')}
      </h3>
      <div>
        <p className="next-step__headline" data-testid="advice-summary-headline">
          {headline}
        </p>
        {top && top.category !== 'refer_outside' && met === 1 && (
          <p className="next-step__line">{t('advice.summary.oneCriterion')}</p>
        )}
        <p className="next-step__line" data-testid="advice-summary-band">
          {t('advice.summary.band', { band: t(`common.bands.${assessment.relationship.suggestedBand}`) })}
        </p>
        {showUnasked && (
          <p className="next-step__line" data-testid="advice-summary-strength">
            {t('advice.summary.strengthUnknown', { count: unasked })}
          </p>
        )}
      </div>
      {top && (
        <p className="next-step__links">
          <a
            href={`#${stepAnchor(top)}`}
            onClick={(e) => {
              e.preventDefault();
              jump(top);
            }}
          >
            {t('advice.summary.jump')}
          </a>
          {rest.length > 0 && (
            <span className="muted"> · {t('advice.summary.more', { count: rest.length })}</span>
          )}
        </p>
      )}
    </section>
  );
}
