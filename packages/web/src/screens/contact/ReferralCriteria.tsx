import { knowledge, type ReferralCriterionCode } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;

/**
 * The four referral criteria of Thema 3, recommendation 3, with the examples that make them concrete. Before the
 * birth the two about the child itself cannot be seen: they stay in view (the threshold reads two of four) but
 * cannot be ticked, unless an older draft ticked them, so they can be unticked.
 */
export const ReferralCriteria = memo(function ReferralCriteria({
  criteria,
  update,
  unborn,
}: {
  criteria: ContactForm['criteria'];
  update: Update;
  unborn: boolean;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const toggle = (code: ReferralCriterionCode, checked: boolean) =>
    update((f) => {
      const next = { ...f.criteria };
      if (checked) next[code] = true;
      else delete next[code];
      return { ...f, criteria: next };
    });
  return (
    <section className="panel" id="criteria" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('contact.criteria.title')}</h2>
      <fieldset className="criteria">
        <legend className="hint">{t('contact.criteria.intro')}</legend>
        <ul className="plain checklist">
          {knowledge.referralCriteria.map((criterion) => {
            const ticked = criteria[criterion.code] === true;
            const afterBirth = unborn && criterion.afterBirth;
            // Disabled only while unticked: a tick an older draft left must come off before the contact saves.
            const notYet = afterBirth && !ticked;
            const hint = `criterion-${criterion.code}-examples`;
            return (
              <li key={criterion.code} className={notYet ? 'criterion--not-yet' : undefined}>
                <label className="check">
                  <input
                    type="checkbox"
                    name={`criterion-${criterion.code}`}
                    data-code={criterion.code}
                    checked={ticked}
                    disabled={notYet}
                    onChange={(e) => toggle(criterion.code, e.target.checked)}
                    aria-describedby={afterBirth ? `${hint}-after-birth ${hint}` : hint}
                  />
                  <span>{know(criterion.label)}</span>
                </label>
                {afterBirth && (
                  <p className={ticked ? 'field__error' : 'hint check__hint'} id={`${hint}-after-birth`}>
                    {t(ticked ? 'contact.criteria.afterBirthTicked' : 'contact.criteria.afterBirth')}
                  </p>
                )}
                <p className="hint check__hint" id={hint}>
                  {know(criterion.examples)}
                </p>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </section>
  );
});
