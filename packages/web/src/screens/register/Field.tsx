import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/field-errors.ts';
import { CharCount, countShown, FieldError } from '../shared/FieldError.tsx';

/**
 * A labelled input with its hint, its length count (when `maxLength` is given: the contract's limit) and its
 * error, all tied to it by aria-describedby. `errors` holds messages already in the user's language.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  errors,
  type = 'text',
  hint,
  required = false,
  autoComplete,
  inputMode,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: FieldMessages;
  type?: 'text' | 'date' | 'tel' | 'number';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const error = errors[id];
  const described = [
    hint ? `${id}-hint` : null,
    maxLength !== undefined && countShown(value, maxLength) ? `${id}-count` : null,
    error ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label} {!required && <span className="muted">{t('common.optional')}</span>}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {maxLength !== undefined && <CharCount id={id} value={value} max={maxLength} />}
      <FieldError id={id} message={error} />
    </div>
  );
}

export function Check({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
