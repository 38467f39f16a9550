import type { MaskedNationalId } from '@nestwerk/contract';
import { CAREGIVER_ROLES, type CaregiverRole } from '@nestwerk/knowledge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { FieldMessages } from '../../lib/field-errors.ts';
import { Check, TextField } from './Field.tsx';
import { NationalIdField } from './NationalIdField.tsx';
import { type CaregiverValues, type ChildValues, NAME_MAX } from './validate.ts';

export function ChildFields({
  prefix,
  value,
  onChange,
  errors,
  currentNationalId,
}: {
  prefix: string;
  value: ChildValues;
  onChange(value: ChildValues): void;
  errors: FieldMessages;
  currentNationalId?: MaskedNationalId | null;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<ChildValues>) => onChange({ ...value, ...change });
  return (
    <>
      <fieldset className="segmented">
        <legend>{t('register.childBorn')}</legend>
        <label className="segmented__option">
          <input
            type="radio"
            name={`${prefix}-born`}
            checked={value.born}
            onChange={() => set({ born: true })}
          />
          <span>{t('register.born')}</span>
        </label>
        <label className="segmented__option">
          <input
            type="radio"
            name={`${prefix}-born`}
            checked={!value.born}
            onChange={() => set({ born: false })}
          />
          <span>{t('register.unborn')}</span>
        </label>
      </fieldset>
      <NameFields
        prefix={prefix}
        givenLabel={value.born ? t('register.givenName') : t('register.givenNameUnborn')}
        value={value}
        onChange={set}
        errors={errors}
      />
      {value.born ? (
        <TextField
          id={`${prefix}-birth`}
          type="date"
          label={t('register.birthDate')}
          value={value.birthDate}
          onChange={(birthDate) => set({ birthDate })}
          errors={errors}
          required
        />
      ) : (
        <TextField
          id={`${prefix}-due`}
          type="date"
          label={t('register.dueDate')}
          value={value.dueDate}
          onChange={(dueDate) => set({ dueDate })}
          errors={errors}
          required
        />
      )}
      <Check
        id={`${prefix}-first`}
        label={t('register.firstChild')}
        checked={value.firstChild}
        onChange={(firstChild) => set({ firstChild })}
      />
      <NationalIdField
        prefix={prefix}
        value={value.nationalId}
        onChange={(nationalId) => set({ nationalId })}
        errors={errors}
        current={currentNationalId}
      />
    </>
  );
}

export function CaregiverFields({
  prefix,
  value,
  onChange,
  errors,
  currentNationalId,
}: {
  prefix: string;
  value: CaregiverValues;
  onChange(value: CaregiverValues): void;
  errors: FieldMessages;
  currentNationalId?: MaskedNationalId | null;
}) {
  const { t } = useTranslation();
  const { region } = useLocale();
  // Decided once, so the box does not vanish when a Flemish nurse clears a value carried over.
  const [askEducation] = useState(() => region !== 'be' || value.lowEducation);
  const set = (change: Partial<CaregiverValues>) => onChange({ ...value, ...change });
  return (
    <>
      <NameFields
        prefix={prefix}
        givenLabel={t('register.givenName')}
        value={value}
        onChange={set}
        errors={errors}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-role`}>{t('register.role')}</label>
          <select
            id={`${prefix}-role`}
            value={value.role}
            onChange={(e) => set({ role: e.target.value as CaregiverRole })}
          >
            {CAREGIVER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${prefix}-year`}
          label={t('register.birthYear')}
          inputMode="numeric"
          value={value.birthYear}
          onChange={(birthYear) => set({ birthYear: birthYear.replace(/\D/g, '').slice(0, 4) })}
          errors={errors}
        />
        <TextField
          id={`${prefix}-phone`}
          type="tel"
          label={t('register.phone')}
          autoComplete="off"
          value={value.phone}
          onChange={(phone) => set({ phone })}
          errors={errors}
        />
      </div>
      {/* Education only feeds VoorZorg's criteria, a Dutch programme: in Flanders nothing uses it, so it is not
          asked (a value carried over from a Dutch file stays visible, so it can be cleared). */}
      {askEducation && (
        <Check
          id={`${prefix}-low-education`}
          label={t('register.lowEducation')}
          checked={value.lowEducation}
          onChange={(lowEducation) => set({ lowEducation })}
        />
      )}
      <NationalIdField
        prefix={prefix}
        value={value.nationalId}
        onChange={(nationalId) => set({ nationalId })}
        errors={errors}
        current={currentNationalId}
      />
    </>
  );
}

/** Given and family name side by side, the same for a child and a caregiver. */
function NameFields({
  prefix,
  givenLabel,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  givenLabel: string;
  value: { givenName: string; familyName: string };
  onChange(change: { givenName?: string; familyName?: string }): void;
  errors: FieldMessages;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <TextField
        id={`${prefix}-given`}
        label={givenLabel}
        value={value.givenName}
        onChange={(givenName) => onChange({ givenName })}
        errors={errors}
        maxLength={NAME_MAX}
        required
      />
      <TextField
        id={`${prefix}-family`}
        label={t('register.childFamilyName')}
        value={value.familyName}
        onChange={(familyName) => onChange({ familyName })}
        errors={errors}
        maxLength={NAME_MAX}
        required
      />
    </div>
  );
}
