import type { Assessment } from '@nestwerk/engine';
import { type CaregiverRole, knowledge } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../app/locale.tsx';
import { ParentsAdvice } from '../../screening/ParentsAdvice.tsx';
import { BalancePicture } from '../../shared/BalancePicture.tsx';
import { BandSummary } from './BandSummary.tsx';
import { NextStepSummary } from './NextStepSummary.tsx';
import { RecommendationList } from './RecommendationList.tsx';

/**
 * The engine's advice, recomputed in the browser on every change. Only the one-line summary is a live
 * region (a screen reader hears the band and the number of steps, not the whole panel on every tick).
 */
export const AdvicePanel = memo(function AdvicePanel({
  assessment,
  unavailable,
  familyId,
  contactId,
  caregivers = [],
  screenLink,
  onRefer,
}: {
  assessment: Assessment | null;
  /** The family's caregivers, in the order the engine's parents have. */
  caregivers?: ReadonlyArray<{ id: string; givenName: string; role?: CaregiverRole | null }>;
  screenLink?: (personId: string) => string;
  /** Why there is no advice for this contact date (the same reason the server gives when saving). */
  unavailable?: string | null;
  familyId: string;
  contactId?: string | null;
  /** "Verwijzen": save the contact, then open the referral (see RecommendationList). */
  onRefer?: (recommendationId: string) => void;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  if (!assessment) {
    return (
      <aside className="advice" aria-labelledby="advice-title" data-testid="advice-panel">
        <h2 id="advice-title">{t('advice.title')}</h2>
        <p className="muted" role={unavailable ? 'status' : undefined}>
          {unavailable ?? t('app.loading')}
        </p>
      </aside>
    );
  }
  const { relationship, balance, referral } = assessment;
  return (
    <aside className="advice" aria-labelledby="advice-title" data-testid="advice-panel">
      <h2 id="advice-title">{t('advice.title')}</h2>
      <p className="advice__live visually-hidden" aria-live="polite" aria-atomic="true">
        {t('advice.liveSummary', {
          band: t(`common.bands.${relationship.suggestedBand}`),
          risk: balance.cumulativeRisk ? t('common.yes') : t('common.no'),
          count: assessment.recommendations.length,
        })}
      </p>
      <NextStepSummary assessment={assessment} />
      <p className="advice__disclaimer">{assessment.disclaimer}</p>

      <RecommendationList
        recommendations={assessment.recommendations}
        familyId={familyId}
        contactId={contactId}
        onRefer={onRefer}
      />

      <BandSummary relationship={relationship} />

      <section className="advice__block" aria-labelledby="advice-balance">
        <h3 id="advice-balance">{t('advice.balance')}</h3>
        <p data-testid="advice-tilt">{t(`advice.tilt.${balance.tilt}`)}</p>
        <BalancePicture tallies={balance.byLevel} compact />
        <p
          data-testid="advice-cumulative-risk"
          className={balance.cumulativeRisk ? 'flag flag--risk' : undefined}
        >
          <strong>{t('advice.cumulativeRisk')}: </strong>
          {balance.cumulativeRisk
            ? t('advice.cumulativeRiskYes', { count: balance.hindering.length })
            : t('advice.cumulativeRiskNo')}
        </p>
        <p data-testid="advice-criteria">{t('advice.criteriaMet', { count: referral.criteriaMet.length })}</p>
        {referral.referOutside && <p className="flag flag--problematic">{t('advice.referOutside')}</p>}
        {referral.imhReasons.length > 0 && (
          <>
            <h4>{t('advice.imhReasons')}</h4>
            <ul>
              {referral.imhReasons.map((code) => {
                const reason = knowledge.imhReferralReasons.find((r) => r.code === code);
                return <li key={code}>{reason ? know(reason.label) : code}</li>;
              })}
            </ul>
          </>
        )}
      </section>

      <ParentsAdvice
        assessment={assessment}
        caregivers={caregivers}
        familyId={familyId}
        screenLink={screenLink}
      />

      <section className="advice__block" aria-labelledby="advice-instruments">
        <h3 id="advice-instruments">{t('advice.instruments')}</h3>
        {assessment.instruments.length === 0 ? (
          <p className="muted">{t('advice.noInstruments')}</p>
        ) : (
          <ul className="plain">
            {assessment.instruments.map((s) => {
              const instrument = knowledge.instruments.find((i) => i.id === s.id);
              return (
                <li key={s.id} data-testid={`advice-instrument-${s.id}`}>
                  <Link to={`/instruments?family=${familyId}#${s.id}`}>{instrument?.name ?? s.id}</Link>
                  <p className="hint">{s.reason}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="advice__block" aria-labelledby="advice-tips">
        <h3 id="advice-tips">{t('advice.tips')}</h3>
        <p>
          <Link to={`/tips?band=${assessment.parentTips.band}`}>
            {t('advice.openTips')}: {assessment.parentTips.title}
          </Link>
        </p>
      </section>
    </aside>
  );
});
