import type { RecordedFactor } from '@nestwerk/contract';
import type { FactorValue } from '@nestwerk/engine';
import { type Factor, type FactorCode, type FactorLevel, knowledge } from '@nestwerk/knowledge';
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;
const LEVELS: FactorLevel[] = ['parent', 'family', 'child'];
const VALUES: FactorValue[] = ['present', 'absent', 'unknown'];

/**
 * Tabel 2.2 and TNO Tabel 1 per level, each factor present / absent / unknown and who said so. A level is a
 * disclosure with a count, so the nurse opens only what the conversation touches.
 */
export const FactorInventory = memo(function FactorInventory({
  factors,
  update,
  unborn,
}: {
  factors: ContactForm['factors'];
  update: Update;
  unborn: boolean;
}) {
  const { t } = useTranslation();
  const setFactor = useCallback(
    (code: FactorCode, change: Partial<RecordedFactor>) =>
      update((f) => {
        const current = f.factors[code] ?? { value: 'unknown' as const, reportedBy: 'parent' as const };
        const next = { ...f.factors };
        const merged = { ...current, ...change };
        // "Unknown" with no source is the same as not asked: keep the record small.
        if (merged.value === 'unknown' && change.reportedBy === undefined) delete next[code];
        else next[code] = merged;
        return { ...f, factors: next };
      }),
    [update],
  );
  return (
    <section className="panel" id="factors" aria-labelledby="factors-title">
      <h2 id="factors-title">{t('contact.factors.title')}</h2>
      <p className="hint">{t('contact.factors.intro')}</p>
      {LEVELS.map((level) => {
        const list = knowledge.factors.filter((f) => f.level === level);
        const recorded = list.filter((f) => factors[f.code] && factors[f.code]?.value !== 'unknown').length;
        return (
          <details key={level} className="factor-level" open={level === 'parent' && unborn}>
            <summary>
              <span className="factor-level__name">{t(`common.levels.${level}`)}</span>{' '}
              <span className="muted">{t('contact.factors.recorded', { count: recorded })}</span>
            </summary>
            {(['hindering', 'protective'] as const).map((kind) => (
              <div key={kind} className={`factor-kind factor-kind--${kind}`}>
                <h3>{t(`contact.factors.${kind}`)}</h3>
                <ul className="plain factor-list">
                  {list
                    .filter((f) => f.kind === kind)
                    .map((factor) => (
                      <FactorRow
                        key={factor.code}
                        factor={factor}
                        recorded={factors[factor.code]}
                        onChange={setFactor}
                      />
                    ))}
                </ul>
              </div>
            ))}
          </details>
        );
      })}
    </section>
  );
});

const FactorRow = memo(function FactorRow({
  factor,
  recorded,
  onChange,
}: {
  factor: Factor;
  recorded: RecordedFactor | undefined;
  onChange(code: FactorCode, change: Partial<RecordedFactor>): void;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const value = recorded?.value ?? 'unknown';
  const source = recorded?.reportedBy ?? 'parent';
  const id = `factor-${factor.code}`;
  return (
    <li className={`factor factor--${value}`}>
      <fieldset className="factor__fieldset">
        {/* The legend names the group for assistive technology; the visible label sits in the row layout. */}
        <legend className="visually-hidden">{know(factor.label)}</legend>
        <div className="factor__row">
          <span className="factor__label" aria-hidden="true">
            {know(factor.label)}
            {factor.phase === 'pregnancy' && <span className="tag">{t('contact.factors.pregnancy')}</span>}
          </span>
          <div className="factor__controls">
            <div className="pills">
              {VALUES.map((v) => (
                <label key={v} className="pill">
                  <input
                    type="radio"
                    name={id}
                    value={v}
                    checked={value === v}
                    onChange={() => onChange(factor.code, { value: v })}
                  />
                  <span>{t(`contact.factors.${v}`)}</span>
                </label>
              ))}
            </div>
            <fieldset className="pills pills--small" disabled={value === 'unknown'}>
              <legend className="visually-hidden">{t('contact.factors.reportedBy')}</legend>
              {(['parent', 'professional'] as const).map((by) => (
                <label key={by} className="pill">
                  <input
                    type="radio"
                    name={`${id}-source`}
                    value={by}
                    checked={value !== 'unknown' && source === by}
                    onChange={() => onChange(factor.code, { reportedBy: by })}
                  />
                  <span>{t(`contact.factors.${by}`)}</span>
                </label>
              ))}
            </fieldset>
          </div>
        </div>
      </fieldset>
    </li>
  );
});
