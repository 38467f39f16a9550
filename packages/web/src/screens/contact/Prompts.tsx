import { completedMonths } from '@nestwerk/engine';
import { knowledge, type VanWiechenItem } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { useLocale } from '../../app/locale.tsx';

/**
 * Van Wiechen items fit a contact moment within a month (the 4-week, 8-week and 3-month visits) or two
 * (the 15- and 18-month visits are less tightly scheduled), guideline Thema 2.
 */
export function fittingVanWiechen(ageMonths: number): VanWiechenItem[] {
  return knowledge.vanWiechenItems.filter((item) => {
    const tolerance = item.ageMonths >= 12 ? 2 : 1;
    return Math.abs(ageMonths - item.ageMonths) <= tolerance && ageMonths >= item.ageMonths - tolerance;
  });
}

export const Prompts = memo(function Prompts({ child, date }: { child: Person | undefined; date: string }) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const age = child?.birthDate ? completedMonths(child.birthDate, date) : null;
  const months = age !== null && age >= 0 ? age : null;
  const items = months === null ? [] : fittingVanWiechen(months);
  return (
    <section className="panel prompts" id="prompts" aria-labelledby="prompts-title">
      <h2 id="prompts-title" className="visually-hidden">
        {t('contact.guide.title')}
      </h2>
      <div className="prompts__grid">
        <div>
          <h3>{t('contact.vanWiechen.title')}</h3>
          {months === null ? (
            <p className="muted">{t('contact.vanWiechen.unborn')}</p>
          ) : items.length === 0 ? (
            <p className="muted">{t('contact.vanWiechen.none')}</p>
          ) : (
            <ul className="plain vanwiechen">
              {items.map((item) => (
                <li key={item.code}>
                  <strong>
                    {know(item.ageLabel)} · {know(item.label)}
                  </strong>
                  <p>{know(item.attention)}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('contact.guide.title')}</h3>
          <ol className="guide">
            {knowledge.conversationGuide.map((step) => (
              <li
                key={step.code}
                className={step.order === 1 ? 'guide__step guide__step--first' : 'guide__step'}
              >
                {step.order === 1 && <span className="badge">{t('contact.guide.sayFirst')}</span>}
                <strong>{know(step.title)}</strong>
                <details open={step.order === 1}>
                  <summary>{t('common.details')}</summary>
                  <p>{know(step.guidance)}</p>
                </details>
                <p className="guide__example">
                  <span className="visually-hidden">{t('contact.guide.example')}: </span>“
                  {know(step.examplePhrase)}”
                </p>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
});
