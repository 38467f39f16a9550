import { type MaskedNationalId, type NationalIdSystem, nationalIdSystemOf } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { FieldMessages } from '../../lib/field-errors.ts';
import { TextField } from './Field.tsx';

/**
 * The BSN (nl) or INSZ (be) input: the organisation's region decides which number it asks for. When a number
 * is stored already the hint shows its last digits; typing a new one replaces it.
 */
export function NationalIdField({
  prefix,
  value,
  onChange,
  errors,
  current,
}: {
  prefix: string;
  value: string;
  onChange(value: string): void;
  errors: FieldMessages;
  current?: MaskedNationalId | null;
}) {
  const { t } = useTranslation();
  const system = useNationalIdSystem();
  return (
    <TextField
      id={`${prefix}-national-id`}
      label={t(`register.nationalId.${system}`)}
      inputMode="numeric"
      autoComplete="off"
      value={value ?? ''}
      onChange={onChange}
      errors={errors}
      hint={
        current
          ? t('register.nationalId.replaceHint', { masked: maskedNationalId(current) })
          : t(`register.nationalId.${system}Hint`)
      }
    />
  );
}

export function maskedNationalId(id: MaskedNationalId): string {
  return `•••••${id.lastDigits}`;
}

/** The number the organisation's region records: BSN (nl) or INSZ (be). */
export function useNationalIdSystem(): NationalIdSystem {
  return nationalIdSystemOf(useLocale().region);
}
