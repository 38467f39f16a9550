import type { RecordedFactor } from '@nestwerk/contract';
import type { FactorValue } from '@nestwerk/engine';
import {
  type Factor,
  type FactorCode,
  type FactorLevel,
  knowledge,
  PARENT_FACTOR_CODES,
  type ParentFactorCode,
} from '@nestwerk/knowledge';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { useLocale } from '../../app/locale.tsx';
import { useParentName } from '../screening/names.ts';
import { type CarryOver, isCarried } from './carry-over.ts';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;
const LEVELS: FactorLevel[] = ['parent', 'family', 'child'];
const VALUES: FactorValue[] = ['present', 'absent', 'unknown'];

const PARENT_CODES = new Set<FactorCode>(PARENT_FACTOR_CODES);
const isParentCode = (code: FactorCode): code is ParentFactorCode => PARENT_CODES.has(code);

/** A factor changed to "unknown" with no source is the same as not asked: keep the record small. */
function withFactor<C extends string>(
  record: Partial<Record<C, RecordedFactor>>,
  code: C,
  change: Partial<RecordedFactor>,
): Partial<Record<C, RecordedFactor>> {
  const current = record[code] ?? { value: 'unknown' as const, reportedBy: 'parent' as const };
  const next = { ...record };
  const merged = { ...current, ...change };
  if (merged.value === 'unknown' && change.reportedBy === undefined) delete next[code];
  else next[code] = merged;
  return next;
}

const known = (record: Partial<Record<string, RecordedFactor>> | undefined) =>
  Object.values(record ?? {}).filter((f) => f && f.value !== 'unknown').length;

/**
 * Tabel 2.2 and TNO Tabel 1 per level, each factor present / absent / unknown and who said so. A level is a
 * disclosure with a count, so the nurse opens only what the conversation touches. Parent-level factors belong
 * to one caregiver, or to "a parent, not known which" (the family-wide record, as before per-parent factors).
 */
export const FactorInventory = memo(function FactorInventory({
  factors,
  parentFactors,
  caregivers,
  update,
  unborn,
  carried = null,
  onConfirmCarried,
}: {
  factors: ContactForm['factors'];
  parentFactors: ContactForm['parentFactors'];
  caregivers: readonly Person[];
  update: Update;
  unborn: boolean;
  /** Stable factors carried over from an earlier contact, until the nurse confirms them. */
  carried?: CarryOver | null;
  onConfirmCarried?(): void;
}) {
  const { t } = useTranslation();
  const { date, know } = useLocale();
  const parentName = useParentName();
  const carriedIn = (list: readonly Factor[], withParents: boolean) =>
    list.reduce(
      (n, f) =>
        n +
        (isCarried(carried, '', f.code, factors[f.code]) ? 1 : 0) +
        (withParents
          ? caregivers.filter((c) =>
              isCarried(carried, c.id, f.code, parentFactors[c.id]?.[f.code as ParentFactorCode]),
            ).length
          : 0),
      0,
    );
  // Named in the notice, so the nurse sees what was carried over without opening every level.
  const carriedList = !carried
    ? []
    : knowledge.factors.flatMap((f) => [
        ...(isCarried(carried, '', f.code, factors[f.code])
          ? [
              {
                key: f.code,
                text: `${know(f.label)}: ${t(`contact.factors.${factors[f.code]?.value ?? 'unknown'}`)}`,
              },
            ]
          : []),
        ...caregivers
          .filter((c) => isCarried(carried, c.id, f.code, parentFactors[c.id]?.[f.code as ParentFactorCode]))
          .map((c) => ({
            key: `${c.id}-${f.code}`,
            text: `${parentName(c)} · ${know(f.label)}: ${t(
              `contact.factors.${parentFactors[c.id]?.[f.code as ParentFactorCode]?.value ?? 'unknown'}`,
            )}`,
          })),
      ]);
  const carriedCount = carriedList.length;
  // '' is "a parent, not known which".
  const [whose, setWhose] = useState('');
  const setFactor = useCallback(
    (code: FactorCode, change: Partial<RecordedFactor>) =>
      update((f) => {
        if (whose && isParentCode(code)) {
          const own = withFactor(f.parentFactors?.[whose] ?? {}, code, change);
          const next = { ...f.parentFactors };
          if (Object.keys(own).length === 0) delete next[whose];
          else next[whose] = own;
          return { ...f, parentFactors: next };
        }
        return { ...f, factors: withFactor(f.factors, code, change) };
      }),
    [update, whose],
  );
  const shownFor = (code: FactorCode): RecordedFactor | undefined =>
    whose && isParentCode(code) ? parentFactors[whose]?.[code] : factors[code];
  return (
    <section className="panel" id="factors" aria-labelledby="factors-title">
      <h2 id="factors-title">{t('contact.factors.title')}</h2>
      <p className="hint">{t('contact.factors.intro')}</p>
      {carried && carriedCount > 0 && (
        <div className="notice carried" data-testid="carried-over">
          <p>
            <strong>{t('contact.factors.carried.title', { date: date(carried.date) })}</strong>
          </p>
          <p>{t('contact.factors.carried.intro')}</p>
          <ul className="carried__list">
            {carriedList.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={onConfirmCarried}>
            {t('contact.factors.carried.confirmAll')}
          </button>
        </div>
      )}
      {LEVELS.map((level) => {
        const list = knowledge.factors.filter((f) => f.level === level);
        const recorded =
          list.filter((f) => factors[f.code] && factors[f.code]?.value !== 'unknown').length +
          (level === 'parent' ? caregivers.reduce((n, c) => n + known(parentFactors[c.id]), 0) : 0);
        const carriedHere = carried ? carriedIn(list, level === 'parent') : 0;
        return (
          <details key={level} className="factor-level" open={level === 'parent' && unborn}>
            <summary>
              <span className="factor-level__name">{t(`common.levels.${level}`)}</span>{' '}
              <span className="muted">{t('contact.factors.recorded', { count: recorded })}</span>
              {carriedHere > 0 && (
                <span className="tag tag--carried">
                  {carriedHere} {t('contact.factors.carried.badge')}
                </span>
              )}
            </summary>
            {level === 'parent' && caregivers.length > 0 && (
              <fieldset className="pills factor-whose" data-testid="factor-whose">
                <legend>{t('screening.factors.whose')}</legend>
                {[
                  { id: '', label: t('screening.factors.unknownParent'), count: 0 },
                  ...caregivers.map((c) => ({
                    id: c.id,
                    label: parentName(c),
                    count: known(parentFactors[c.id]),
                  })),
                ].map((option) => (
                  <label key={option.id || 'unknown'} className="pill">
                    <input
                      type="radio"
                      name="factor-whose"
                      checked={whose === option.id}
                      onChange={() => setWhose(option.id)}
                    />
                    <span>
                      {option.label}
                      {option.id !== '' && option.count > 0 && (
                        <span className="muted">
                          {' '}
                          · {t('screening.factors.recordedFor', { count: option.count })}
                        </span>
                      )}
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {(['hindering', 'protective'] as const).map((kind) => (
              <div key={kind} className={`factor-kind factor-kind--${kind}`}>
                <h3>{t(`contact.factors.${kind}`)}</h3>
                <ul className="plain factor-list">
                  {list
                    .filter((f) => f.kind === kind)
                    .map((factor) => (
                      <FactorRow
                        key={`${level === 'parent' ? whose : ''}-${factor.code}`}
                        factor={factor}
                        owner={level === 'parent' ? whose : ''}
                        recorded={shownFor(factor.code)}
                        carried={isCarried(
                          carried,
                          level === 'parent' ? whose : '',
                          factor.code,
                          shownFor(factor.code),
                        )}
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
  owner,
  recorded,
  carried,
  onChange,
}: {
  factor: Factor;
  /** Filled in from an earlier contact and not yet confirmed or changed. */
  carried: boolean;
  /** The caregiver whose factor this row records ('' for a parent not known which, or a family/child factor). */
  owner: string;
  recorded: RecordedFactor | undefined;
  onChange(code: FactorCode, change: Partial<RecordedFactor>): void;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const value = recorded?.value ?? 'unknown';
  const source = recorded?.reportedBy ?? 'parent';
  const id = owner ? `factor-${owner}-${factor.code}` : `factor-${factor.code}`;
  return (
    <li className={`factor factor--${value}${carried ? ' factor--carried' : ''}`}>
      <fieldset className="factor__fieldset">
        {/* The legend names the group for assistive technology; the visible label sits in the row layout. */}
        <legend className="visually-hidden">
          {know(factor.label)}
          {carried && ` (${t('contact.factors.carried.badge')})`}
        </legend>
        <div className="factor__row">
          <span className="factor__label" aria-hidden="true">
            {know(factor.label)}
            {factor.phase === 'pregnancy' && <span className="tag">{t('contact.factors.pregnancy')}</span>}
            {carried && <span className="tag tag--carried">{t('contact.factors.carried.badge')}</span>}
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
