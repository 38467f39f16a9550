import type { ParentScreeningInstrument } from '@nestwerk/knowledge';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { epdsProblem, instrumentDefinition, type ScreeningDraft } from './model.ts';

type Update = (change: (draft: ScreeningDraft) => ScreeningDraft) => void;
const FREQUENCY = [0, 1, 2, 3] as const;
const GAD_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const PHQ_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** One instrument as a group with its name, its licence line and how far it is answered. */
function Instrument({
  id,
  status,
  tag,
  children,
}: {
  id: ParentScreeningInstrument;
  status: string;
  tag?: string;
  children: ReactNode;
}) {
  const { know } = useLocale();
  const def = instrumentDefinition(id);
  return (
    <fieldset className="screening-instrument" data-testid={`screening-${id}`}>
      <legend>
        {know(def.label)}
        {tag && <span className="tag">{tag}</span>}
      </legend>
      <p className="hint">
        <span className="screening-instrument__status">{status}</span> · {know(def.licence)}
      </p>
      {children}
    </fieldset>
  );
}

const answeredCount = (values: ReadonlyArray<unknown>) => values.filter((v) => v !== null).length;

export function WhooleyFields({
  name,
  draft,
  update,
}: {
  name: string;
  draft: ScreeningDraft;
  update: Update;
}) {
  const { t } = useTranslation();
  const answered = answeredCount(draft.whooley);
  const yes = draft.whooley.filter((v) => v === true).length;
  const set = (index: 0 | 1, value: boolean) =>
    update((d) => {
      const next: ScreeningDraft['whooley'] = [...d.whooley];
      next[index] = value;
      return { ...d, whooley: next };
    });
  return (
    <Instrument
      id="whooley"
      status={
        answered === 2
          ? t('screening.scoreWhooley', { total: yes })
          : t('screening.answered', { answered, items: 2 })
      }
    >
      <p className="screening__period">
        {t('screening.ask')} {t('screening.whooley.period')}
      </p>
      <ol className="plain questions">
        {([0, 1] as const).map((index) => (
          <li key={index} className="question">
            <fieldset>
              <legend>
                <span className="question__number">{index + 1}.</span>{' '}
                {t(index === 0 ? 'screening.whooley.q1' : 'screening.whooley.q2')}
              </legend>
              <div className="answers answers--inline">
                {([true, false] as const).map((value) => (
                  <label key={String(value)} className="answer">
                    <input
                      type="radio"
                      name={`${name}-whooley-${index}`}
                      checked={draft.whooley[index] === value}
                      onChange={() => set(index, value)}
                    />
                    <span>{value ? t('common.yes') : t('common.no')}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
    </Instrument>
  );
}

/** Items answered on the four-point frequency scale of the GAD and PHQ questionnaires. */
function FrequencyItems({
  name,
  keys,
  textKey,
  values,
  offset,
  onChange,
}: {
  name: string;
  keys: readonly string[];
  textKey: 'screening.gad' | 'screening.phq';
  values: ReadonlyArray<number | null>;
  offset: number;
  onChange(index: number, value: number): void;
}) {
  const { t } = useTranslation();
  return (
    <ol className="plain questions" start={offset + 1}>
      {keys.map((key, i) => {
        const index = offset + i;
        return (
          <li key={key} className="question">
            <fieldset>
              <legend>
                <span className="question__number">{index + 1}.</span>{' '}
                {t(`${textKey}.${key}` as 'screening.gad.1')}
              </legend>
              <div className="answers">
                {FREQUENCY.map((value) => (
                  <label key={value} className="answer">
                    <input
                      type="radio"
                      name={`${name}-${index}`}
                      value={value}
                      checked={values[index] === value}
                      onChange={() => onChange(index, value)}
                    />
                    <span>
                      {t(`screening.frequency.${value}`)} ({value})
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

const setAt = (values: ReadonlyArray<number | null>, index: number, value: number) =>
  values.map((v, i) => (i === index ? value : v));

/** GAD-2 is the first two GAD-7 items; the GAD-7 goes on from there, sharing the answers. */
export function GadFields({
  name,
  draft,
  update,
  suggested,
  part,
}: {
  name: string;
  draft: ScreeningDraft;
  update: Update;
  suggested: boolean;
  part: 'gad_2' | 'gad_7';
}) {
  const { t } = useTranslation();
  const change = (index: number, value: number) => update((d) => ({ ...d, gad: setAt(d.gad, index, value) }));
  const gad2 = draft.gad.slice(0, 2);
  const status = (values: ReadonlyArray<number | null>, max: number) =>
    answeredCount(values) === values.length
      ? t('screening.score', { total: values.reduce<number>((a, b) => a + (b ?? 0), 0), max })
      : t('screening.answered', { answered: answeredCount(values), items: values.length });
  if (part === 'gad_2')
    return (
      <Instrument id="gad_2" status={status(gad2, 6)}>
        <p className="screening__period">
          {t('screening.ask')} {t('screening.frequencyPeriod')}
        </p>
        <FrequencyItems
          name={`${name}-gad`}
          keys={GAD_KEYS.slice(0, 2)}
          textKey="screening.gad"
          values={draft.gad}
          offset={0}
          onChange={change}
        />
      </Instrument>
    );
  return (
    <Instrument
      id="gad_7"
      status={status(draft.gad, 21)}
      tag={suggested ? t('screening.suggested') : undefined}
    >
      <label className="check">
        <input
          type="checkbox"
          checked={draft.gad7}
          onChange={(e) => update((d) => ({ ...d, gad7: e.target.checked }))}
        />
        <span>{t('screening.gad7Continue')}</span>
      </label>
      {draft.gad7 && (
        <FrequencyItems
          name={`${name}-gad`}
          keys={GAD_KEYS.slice(2)}
          textKey="screening.gad"
          values={draft.gad}
          offset={2}
          onChange={change}
        />
      )}
    </Instrument>
  );
}

export function PhqFields({ name, draft, update }: { name: string; draft: ScreeningDraft; update: Update }) {
  const { t } = useTranslation();
  const answered = answeredCount(draft.phq9);
  const item9 = draft.phq9[8] ?? 0;
  return (
    <Instrument
      id="phq_9"
      tag={t('screening.optional')}
      status={
        answered === 9
          ? t('screening.score', { total: draft.phq9.reduce<number>((a, b) => a + (b ?? 0), 0), max: 27 })
          : t('screening.answered', { answered, items: 9 })
      }
    >
      <label className="check">
        <input
          type="checkbox"
          checked={draft.phq9Open}
          onChange={(e) => update((d) => ({ ...d, phq9Open: e.target.checked }))}
        />
        <span>{t('screening.phq9Start')}</span>
      </label>
      {draft.phq9Open && (
        <>
          <p className="screening__period">
            {t('screening.ask')} {t('screening.frequencyPeriod')}
          </p>
          <FrequencyItems
            name={`${name}-phq`}
            keys={PHQ_KEYS}
            textKey="screening.phq"
            values={draft.phq9}
            offset={0}
            onChange={(index, value) => update((d) => ({ ...d, phq9: setAt(d.phq9, index, value) }))}
          />
        </>
      )}
      {draft.phq9Open && item9 > 0 && (
        <p className="notice notice--error" role="alert">
          {t('screening.phq9Item9')}
        </p>
      )}
    </Instrument>
  );
}

/** EPDS: scoring only. The copyrighted text stays on the organisation's licensed form. */
export function EpdsFields({
  name,
  draft,
  update,
  suggested,
}: {
  name: string;
  draft: ScreeningDraft;
  update: Update;
  suggested: boolean;
}) {
  const { t } = useTranslation();
  const epds = draft.epds;
  const problem = epdsProblem(epds);
  const set = (change: Partial<ScreeningDraft['epds']>) =>
    update((d) => ({ ...d, epds: { ...d.epds, ...change } }));
  const itemsAnswered = answeredCount(epds.items);
  const status =
    epds.mode === 'items'
      ? itemsAnswered === 10
        ? t('screening.score', { total: epds.items.reduce<number>((a, b) => a + (b ?? 0), 0), max: 30 })
        : t('screening.answered', { answered: itemsAnswered, items: 10 })
      : epds.total.trim() && problem === null
        ? t('screening.score', { total: epds.total.trim(), max: 30 })
        : t('screening.answered', { answered: 0, items: 10 });
  const totalError = problem === 'total' ? t('screening.epds.errors.total') : null;
  const item10Error =
    problem === 'item10'
      ? t('screening.epds.errors.item10')
      : problem === 'item10AboveTotal'
        ? t('screening.epds.errors.item10AboveTotal')
        : null;
  return (
    <Instrument id="epds" status={status} tag={suggested ? t('screening.suggested') : undefined}>
      <p className="notice notice--warning" data-testid="epds-licence">
        {t('screening.epds.licence')}
      </p>
      <fieldset className="pills">
        <legend className="screening__mode-legend">{t('screening.epds.mode')}</legend>
        {(['total', 'items'] as const).map((mode) => (
          <label key={mode} className="pill">
            <input
              type="radio"
              name={`${name}-epds-mode`}
              checked={epds.mode === mode}
              onChange={() => set({ mode })}
            />
            <span>{t(mode === 'total' ? 'screening.epds.modeTotal' : 'screening.epds.modeItems')}</span>
          </label>
        ))}
      </fieldset>
      {epds.mode === 'total' ? (
        <div className="screening__scores">
          <div className="field">
            <label htmlFor={`${name}-epds-total`}>{t('screening.epds.total')}</label>
            <input
              id={`${name}-epds-total`}
              inputMode="numeric"
              autoComplete="off"
              size={4}
              value={epds.total}
              aria-invalid={totalError ? true : undefined}
              aria-describedby={totalError ? `${name}-epds-total-error` : undefined}
              onChange={(e) => set({ total: e.target.value })}
            />
            {totalError && (
              <p className="field__error" id={`${name}-epds-total-error`}>
                {totalError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${name}-epds-item10`}>{t('screening.epds.item10')}</label>
            <input
              id={`${name}-epds-item10`}
              inputMode="numeric"
              autoComplete="off"
              size={4}
              value={epds.item10}
              aria-invalid={item10Error ? true : undefined}
              aria-describedby={`${name}-epds-item10-hint${item10Error ? ` ${name}-epds-item10-error` : ''}`}
              onChange={(e) => set({ item10: e.target.value })}
            />
            <p className="hint" id={`${name}-epds-item10-hint`}>
              {t('screening.epds.item10Hint')}
            </p>
            {item10Error && (
              <p className="field__error" id={`${name}-epds-item10-error`}>
                {item10Error}
              </p>
            )}
          </div>
        </div>
      ) : (
        <fieldset className="epds-items">
          <legend>{t('screening.epds.itemScores')}</legend>
          <p className="hint">{t('screening.epds.item10Hint')}</p>
          <ol className="plain epds-items__list">
            {epds.items.map((value, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the ten items are fixed positions
              <li key={index}>
                <fieldset className="pills pills--small">
                  <legend>{t('screening.epds.item', { n: index + 1 })}</legend>
                  {FREQUENCY.map((score) => (
                    <label key={score} className="pill">
                      <input
                        type="radio"
                        name={`${name}-epds-${index}`}
                        checked={value === score}
                        onChange={() => set({ items: setAt(epds.items, index, score) })}
                      />
                      <span>{score}</span>
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
    </Instrument>
  );
}
