import { type CueCode, type CueLevel, DOC, knowledge, src } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { SourceRefs } from '../shared/SourceRefs.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;
const LEVELS: CueLevel[] = ['safe', 'insecure', 'problematic'];
// Before birth the relationship is the expecting parent's attitude towards the child (guideline Thema 1).
const PRENATAL_SOURCES = [src(DOC.guideline, 'Thema 1, Ontwikkelingsfasen: Prenataal')];

/**
 * Tabel 2.1 as three checklists. Native checkboxes: Tab to move, Space to tick.
 *
 * Tabel 2.1 describes parent and child together, which cannot be seen before the birth: for an unborn child the
 * checklist gives way to what to listen for instead. Cues already ticked (an older draft) stay, so they can be
 * unticked.
 */
export const CueChecklist = memo(function CueChecklist({
  cues,
  update,
  unborn,
}: {
  cues: ContactForm['cues'];
  update: Update;
  unborn: boolean;
}) {
  const { t } = useTranslation();
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
      {unborn && Object.keys(cues).length === 0 ? (
        <div data-testid="cues-unborn">
          <p>{t('contact.cues.unborn')}</p>
          <SourceRefs sources={PRENATAL_SOURCES} />
        </div>
      ) : (
        <>
          {unborn && (
            <p className="field__error" data-testid="cues-unborn-ticked">
              {t('contact.cues.unbornTicked')}
            </p>
          )}
          <CueGroups cues={cues} toggle={toggle} />
        </>
      )}
    </section>
  );
});

function CueGroups({
  cues,
  toggle,
}: {
  cues: ContactForm['cues'];
  toggle(code: CueCode, checked: boolean): void;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  return (
    <>
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
    </>
  );
}
