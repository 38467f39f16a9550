import type { FamilyFile } from '@nestwerk/contract';
import type { QuestionnaireScore } from '@nestwerk/engine';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';

function isScore(value: unknown): value is QuestionnaireScore {
  return typeof value === 'object' && value !== null && Array.isArray((value as QuestionnaireScore).scales);
}

/** Stored questionnaire outcomes, always worded as an indication. */
export function InstrumentResults({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date, know, number } = useLocale();
  const childName = (id: string) => family.children.find((c) => c.id === id)?.givenName ?? '';
  return (
    <section className="panel" aria-labelledby="instrument-results-title">
      <h2 id="instrument-results-title">{t('family.instrumentResults')}</h2>
      {family.instrumentResults.length === 0 ? (
        <p className="muted">{t('family.noInstrumentResults')}</p>
      ) : (
        <ul className="plain">
          {family.instrumentResults.map((r) => (
            <li key={r.id}>
              <strong>{r.instrumentId}</strong> · {childName(r.childId)} · {date(dayOf(r.createdAt))}
              {isScore(r.score) && (
                <ul>
                  {r.score.scales.map((s) => (
                    <li key={s.id}>
                      {know(s.label)}: {s.score === null ? t('instruments.notScored') : number(s.score)}
                      {s.interpretation && ` · ${t('instruments.cutoff')}: ${know(s.interpretation)}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
