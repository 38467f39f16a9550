import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useUser } from '../../app/session.tsx';
import { today } from '../../lib/dates.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../lib/drafts.ts';
import { serverFieldErrors, translateAll } from '../../lib/field-errors.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { TextField } from './Field.tsx';
import { useNationalIdSystem } from './NationalIdField.tsx';
import { CaregiverFields, ChildFields } from './PersonFields.tsx';
import {
  type Errors,
  emptyCaregiver,
  emptyChild,
  FAMILY_NAME_MAX,
  type FamilyValues,
  familyInputId,
  MUNICIPALITY_MAX,
  toFamilyIn,
  validateFamily,
} from './validate.ts';

const empty = (): FamilyValues => ({
  name: '',
  postcode: '',
  municipality: '',
  child: emptyChild(),
  caregivers: [emptyCaregiver()],
});

export default function RegisterFamilyPage() {
  const { t } = useTranslation();
  const system = useNationalIdSystem();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = draftKey(user.id, 'register');
  const [values, setValues] = useState<FamilyValues>(() => loadDraft<FamilyValues>(key)?.value ?? empty());
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  // Work in progress survives a reload or an expired session.
  useEffect(() => {
    saveDraft(key, values);
  }, [key, values]);

  const mutation = useMutation({
    mutationFn: () => api.call('POST /api/families', { body: toFamilyIn(values) }),
    onSuccess: (family) => {
      clearDraft(key);
      queryClient.setQueryData(['family', family.id], family);
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void navigate(`/families/${family.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateFamily(values, today(), system);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    mutation.mutate();
  };

  const setFamilyName = (name: string) =>
    setValues((v) => ({
      ...v,
      name,
      // Offer the family name to the people still without one.
      child: v.child.familyName === v.name ? { ...v.child, familyName: name } : v.child,
      caregivers: v.caregivers.map((c) => (c.familyName === v.name ? { ...c, familyName: name } : c)),
    }));

  const errorCount = Object.keys(errors).length;
  const server = serverFieldErrors(mutation.error, t, familyInputId);
  const shown = { ...translateAll(errors, t), ...server.fields };
  // The summary names each field, so the list reads on its own (WCAG 3.3.1).
  const fieldLabel = (id: string): string => {
    const number = t(`register.nationalId.${system}Short`);
    const caregiver = /^caregiver-(\d+)-(given|family|national-id)$/.exec(id);
    if (caregiver) {
      const what =
        caregiver[2] === 'given'
          ? t('register.givenName').toLowerCase()
          : caregiver[2] === 'family'
            ? t('register.childFamilyName').toLowerCase()
            : number;
      return `${t('register.caregiverSection', { n: Number(caregiver[1]) + 1 })}, ${what}`;
    }
    const labels: Record<string, string> = {
      'family-name': t('register.familyName'),
      'child-given': `${t('register.childSection')}, ${t('register.givenName').toLowerCase()}`,
      'child-family': `${t('register.childSection')}, ${t('register.childFamilyName').toLowerCase()}`,
      'child-birth': t('register.birthDate'),
      'child-due': t('register.dueDate'),
      'child-national-id': `${t('register.childSection')}, ${number}`,
    };
    return labels[id] ?? id;
  };
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <p>
        <Link to="/families/import">{t('exchange.importLink')}</Link>
      </p>
      {errorCount > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{t('register.errors.summary', { count: errorCount })}</p>
          <ul>
            {Object.entries(errors).map(([id, message]) => (
              <li key={id}>
                <a href={`#${id}`}>
                  {fieldLabel(id)}: {t(message)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mutation.isError && <ErrorNotice error={mutation.error} shownAtFields={server.shown} />}
      <form className="form register" onSubmit={submit} noValidate>
        <fieldset className="panel">
          <legend>{t('register.familySection')}</legend>
          <TextField
            id="family-name"
            label={t('register.familyName')}
            value={values.name}
            onChange={setFamilyName}
            errors={shown}
            maxLength={FAMILY_NAME_MAX}
            required
          />
          <div className="field-row">
            <TextField
              id="family-postcode"
              label={t('register.postcode')}
              value={values.postcode}
              onChange={(postcode) => setValues((v) => ({ ...v, postcode }))}
              errors={shown}
            />
            <TextField
              id="family-municipality"
              label={t('register.municipality')}
              value={values.municipality}
              onChange={(municipality) => setValues((v) => ({ ...v, municipality }))}
              errors={shown}
              maxLength={MUNICIPALITY_MAX}
            />
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>{t('register.childSection')}</legend>
          <ChildFields
            prefix="child"
            value={values.child}
            onChange={(child) => setValues((v) => ({ ...v, child }))}
            errors={shown}
          />
        </fieldset>
        {values.caregivers.map((caregiver, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: caregivers have no id before they are saved
          <fieldset className="panel" key={i}>
            <legend>{t('register.caregiverSection', { n: i + 1 })}</legend>
            <CaregiverFields
              prefix={`caregiver-${i}`}
              value={caregiver}
              onChange={(c) =>
                setValues((v) => ({ ...v, caregivers: v.caregivers.map((x, j) => (j === i ? c : x)) }))
              }
              errors={shown}
            />
            {values.caregivers.length > 1 && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  setValues((v) => ({ ...v, caregivers: v.caregivers.filter((_, j) => j !== i) }))
                }
              >
                {t('register.removeCaregiver')}
              </button>
            )}
          </fieldset>
        ))}
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              setValues((v) => ({
                ...v,
                caregivers: [...v.caregivers, { ...emptyCaregiver(v.name), role: 'father' }],
              }))
            }
          >
            {t('register.addCaregiver')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {t('register.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
