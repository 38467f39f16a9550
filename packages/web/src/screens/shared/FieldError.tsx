import { useTranslation } from 'react-i18next';

/**
 * The message under a field, tied to its input by `aria-describedby="<id>-error"` (lib/field-errors.ts
 * explains where messages come from).
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" id={`${id}-error`}>
      {message}
    </p>
  );
}

/** Whether {@link CharCount} shows: once a text nears its limit (`aria-describedby` names only what is there). */
export function countShown(value: string, max: number): boolean {
  return max - value.length <= Math.max(10, Math.floor(max / 5));
}

/**
 * How many characters a limited text has left, shown once it nears the limit and counted past it: the input
 * does not cut pasted text off, so nothing is lost without the nurse seeing it.
 */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const { t } = useTranslation();
  const left = max - value.length;
  if (!countShown(value, max)) return null;
  return (
    <p
      className={left < 0 ? 'hint char-count char-count--over' : 'hint char-count'}
      id={`${id}-count`}
      aria-live="polite"
    >
      {left < 0 ? t('app.charsOver', { count: -left }) : t('app.charsLeft', { count: left })}
    </p>
  );
}
