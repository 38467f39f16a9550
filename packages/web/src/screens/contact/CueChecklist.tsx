import { type CueCode, type CueLevel, knowledge } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;
const LEVELS: CueLevel[] = ['safe', 'insecure', 'problematic'];

/** Tabel 2.1 as three checklists. Native checkboxes: Tab to move, Space to tick. */
export const CueChecklist = memo(function CueChecklist({
  cues,
  update,
}: {
  cues: ContactForm['cues'];
  update: Update;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const toggle = (code: CueCode, checked: boolean) =>
    update((f) => {
      const next = { ...f.cues };
      if (checked) next[code] = true;
      else delete next[code];
      return { ...f, cues: next };
    });
  return (
    <section className="panel" id="cues" aria-labelledby="cues-title">
      <h2 id="cues-title">{t('contact.cues.title')}</h2>
      <p className="hint">{t('contact.cues.intro')}</p>
      <div className="cue-groups">
        {LEVELS.map((level) => {
          const list = knowledge.cues.filter((c) => c.level === level);
          const checked = list.filter((c) => cues[c.code]).length;
          return (
            <fieldset key={level} className={`cue-group cue-group--${level}`}>
              <legend>
                {t(`contact.cues.${level}`)}{' '}
                <span className="muted">({t('contact.cues.count', { checked, total: list.length })})</span>
              </legend>
              <ul className="plain checklist">
                {list.map((cue) => (
                  <li key={cue.code}>
                    <label className="check">
                      <input
                        type="checkbox"
                        name={`cue-${cue.code}`}
                        data-code={cue.code}
                        checked={cues[cue.code] === true}
                        onChange={(e) => toggle(cue.code, e.target.checked)}
                      />
                      <span>{know(cue.label)}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
    </section>
  );
});
