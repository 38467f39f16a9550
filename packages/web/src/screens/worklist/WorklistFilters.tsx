import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueFilter, WorklistScope } from '../../api/types.ts';

interface Props {
  scope: WorklistScope;
  due: DueFilter;
  q: string;
  onChange(changes: { scope?: WorklistScope; due?: DueFilter; q?: string }): void;
}

export function WorklistFilters({ scope, due, q, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text.trim() });
  };

  return (
    <search>
      <form className="filters" onSubmit={submit}>
        <fieldset className="segmented">
          <legend>{t('worklist.scope')}</legend>
          {(['mine', 'team'] as const).map((value) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name="scope"
                value={value}
                checked={scope === value}
                onChange={() => onChange({ scope: value })}
              />
              <span>{value === 'mine' ? t('worklist.scopeMine') : t('worklist.scopeTeam')}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="worklist-due">{t('worklist.due')}</label>
          <select
            id="worklist-due"
            value={due}
            onChange={(e) => onChange({ due: e.target.value as DueFilter })}
          >
            <option value="all">{t('worklist.dueAll')}</option>
            <option value="today">{t('worklist.dueToday')}</option>
            <option value="week">{t('worklist.dueWeek')}</option>
            <option value="overdue">{t('worklist.dueOverdue')}</option>
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="worklist-q">{t('worklist.search')}</label>
          <div className="inline">
            <input
              id="worklist-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby="worklist-q-hint"
            />
            <button type="submit" className="button">
              {t('worklist.searchSubmit')}
            </button>
          </div>
          <p id="worklist-q-hint" className="hint">
            {t('worklist.searchHint')}
          </p>
        </div>
      </form>
    </search>
  );
}
