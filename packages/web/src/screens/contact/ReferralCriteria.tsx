import { knowledge, type ReferralCriterionCode } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;

/** The four referral criteria of Thema 3, recommendation 3, with the examples that make them concrete. */
export const ReferralCriteria = memo(function ReferralCriteria({
  criteria,
  update,
}: {
  criteria: ContactForm['criteria'];
  update: Update;
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
          {knowledge.referralCriteria.map((criterion) => (
            <li key={criterion.code}>
              <label className="check">
                <input
                  type="checkbox"
                  name={`criterion-${criterion.code}`}
                  data-code={criterion.code}
                  checked={criteria[criterion.code] === true}
                  onChange={(e) => toggle(criterion.code, e.target.checked)}
                  aria-describedby={`criterion-${criterion.code}-examples`}
                />
                <span>{know(criterion.label)}</span>
              </label>
              <p className="hint check__hint" id={`criterion-${criterion.code}-examples`}>
                {know(criterion.examples)}
              </p>
            </li>
          ))}
        </ul>
      </fieldset>
    </section>
  );
});
