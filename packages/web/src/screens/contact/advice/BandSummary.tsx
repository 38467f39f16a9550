import type { Assessment } from '@nestwerk/engine';
import { type CueCode, knowledge } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/locale.tsx';

/** The suggested place on the continuum, with the engine's explanation and the cues behind it. */
export function BandSummary({ relationship }: { relationship: Assessment['relationship'] }) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const cues: CueCode[] = [
    ...relationship.problematicCues,
    ...relationship.insecureCues,
    ...relationship.safeCues,
  ];
  return (
    <section className="advice__block" aria-labelledby="advice-band">
      <h3 id="advice-band">{t('advice.band')}</h3>
      <p className={`band band--${relationship.suggestedBand}`} data-testid="advice-band">
        {t(`common.bands.${relationship.suggestedBand}`)}
      </p>
      <p className="hint">{relationship.explanation}</p>
      {/* With no cues ticked the engine's explanation already says so: no second empty-state line. */}
      {cues.length > 0 && (
        <details>
          <summary>{t('advice.cuesBehind', { count: cues.length })}</summary>
          <ul className="cue-reasons">
            {cues.map((code) => {
              const cue = knowledge.cues.find((c) => c.code === code);
              return (
                <li key={code} className={`cue-reason cue-reason--${cue?.level ?? 'safe'}`}>
                  {cue ? know(cue.label) : code}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
