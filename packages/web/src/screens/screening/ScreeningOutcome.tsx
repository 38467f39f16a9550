import type { ScreeningOutcome as Outcome, SourceRef } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { SourceRefs } from '../shared/SourceRefs.tsx';

export interface OutcomeView {
  outcome: Outcome;
  reasons: string[];
  nextStep: string;
  sources: SourceRef[];
}

/** The outcome as a word with a shape, never colour alone; "not a diagnosis" is part of it, always. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return <span className={`outcome outcome--${outcome}`}>{t(`screening.outcomes.${outcome}`)}</span>;
}

/** The engine's outcome for one parent: the outcome, why, what to do next, and the passages behind it. */
export function ScreeningOutcomeBlock({
  result,
  headingLevel = 3,
  testId,
}: {
  result: OutcomeView;
  headingLevel?: 3 | 4;
  testId?: string;
}) {
  const { t } = useTranslation();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={`screening-outcome screening-outcome--${result.outcome}`} data-testid={testId}>
      <p className="screening-outcome__head">
        <OutcomeBadge outcome={result.outcome} /> <span className="muted">{t('screening.notDiagnosis')}</span>
      </p>
      {result.reasons.length > 0 && (
        <>
          <H className="screening-outcome__label">{t('screening.outcome.reasons')}</H>
          <ul>
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <H className="screening-outcome__label">{t('screening.outcome.nextStep')}</H>
      <p data-testid={testId ? `${testId}-next-step` : undefined}>{result.nextStep}</p>
      <SourceRefs sources={result.sources} />
    </div>
  );
}
