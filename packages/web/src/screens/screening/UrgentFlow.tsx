import { CRISIS_LINES } from '@nestwerk/knowledge';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

const STEPS = ['asked', 'planMade', 'called', 'helplineGiven'] as const;
type Step = (typeof STEPS)[number];

/**
 * The same-day flow for EPDS item 10 above 0 (self-harm), whatever the total: an alert that cannot be missed,
 * what to do now, whom to call today, a safety-plan step to tick, the region's helpline, and whether the team
 * lead has been told (the server tells them when the screening is saved).
 */
export function UrgentFlow({ name, saved }: { name: string; saved: boolean }) {
  const { t } = useTranslation();
  const { region } = useLocale();
  const line = CRISIS_LINES[region];
  const id = useId();
  const [done, setDone] = useState<Partial<Record<Step, boolean>>>({});
  const count = STEPS.filter((s) => done[s]).length;
  return (
    <section className="urgent-flow" role="alert" aria-labelledby={`${id}-title`} data-testid="urgent-flow">
      <h2 id={`${id}-title`} className="urgent-flow__title">
        {t('screening.urgent.title')}
        <span className="visually-hidden"> ({name})</span>
      </h2>
      <p>{t('screening.urgent.intro')}</p>
      <ol className="urgent-flow__steps">
        <li>{t('screening.urgent.ask')}</li>
        <li>{t('screening.urgent.plan')}</li>
        <li>{t('screening.urgent.call')}</li>
        <li data-testid="urgent-helpline">
          {t('screening.urgent.helpline', { name: line.name, phone: line.phone, web: line.web })}
        </li>
      </ol>
      <fieldset className="urgent-flow__checks">
        <legend>
          {t('screening.urgent.steps')}{' '}
          <span className="muted">
            {t('screening.urgent.progress', { done: count, total: STEPS.length })}
          </span>
        </legend>
        {STEPS.map((step) => (
          <label key={step} className="check">
            <input
              type="checkbox"
              checked={done[step] === true}
              onChange={(e) => setDone((d) => ({ ...d, [step]: e.target.checked }))}
            />
            <span>{t(`screening.urgent.${step}`)}</span>
          </label>
        ))}
      </fieldset>
      <p
        className={saved ? 'urgent-flow__lead urgent-flow__lead--done' : 'urgent-flow__lead'}
        data-testid="urgent-team-lead"
      >
        <strong>{saved ? t('screening.urgent.teamLeadInformed') : t('screening.urgent.teamLead')}</strong>
      </p>
    </section>
  );
}
