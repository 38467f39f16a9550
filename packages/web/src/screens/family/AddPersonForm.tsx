import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { today } from '../../lib/dates.ts';
import { serverFieldErrors, translateAll } from '../../lib/field-errors.ts';
import { useNationalIdSystem } from '../register/NationalIdField.tsx';
import { CaregiverFields, ChildFields } from '../register/PersonFields.tsx';
import {
  type Errors,
  emptyCaregiver,
  emptyChild,
  personInputId,
  toCaregiverIn,
  toChildIn,
  validateCaregiver,
  validateChild,
} from '../register/validate.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** POST /api/families/:id/persons: a new child (born or unborn) or caregiver in an existing family. */
export function AddPersonForm({ familyId, onDone }: { familyId: string; onDone(): void }) {
  const { t } = useTranslation();
  const system = useNationalIdSystem();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'child' | 'caregiver'>('child');
  const [child, setChild] = useState(emptyChild());
  const [caregiver, setCaregiver] = useState(emptyCaregiver());
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/persons', {
        params: { id: familyId },
        body: kind === 'child' ? { kind, ...toChildIn(child) } : { kind, ...toCaregiverIn(caregiver) },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found =
      kind === 'child'
        ? validateChild(child, 'add-child', today(), system)
        : validateCaregiver(caregiver, 'add-caregiver', system);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const prefix = kind === 'child' ? 'add-child' : 'add-caregiver';
  const server = serverFieldErrors(mutation.error, t, (path) => personInputId(path, prefix));
  const shown = { ...translateAll(errors, t), ...server.fields };
  return (
    <form className="form add-person" onSubmit={submit} noValidate aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('family.addPerson')}</h3>
      {mutation.isError && <ErrorNotice error={mutation.error} shownAtFields={server.shown} />}
      <fieldset className="segmented">
        <legend>{t('register.personKind')}</legend>
        {(['child', 'caregiver'] as const).map((k) => (
          <label key={k} className="segmented__option">
            <input type="radio" name="add-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{k === 'child' ? t('register.kindChild') : t('register.kindCaregiver')}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'child' ? (
        <ChildFields prefix="add-child" value={child} onChange={setChild} errors={shown} />
      ) : (
        <CaregiverFields prefix="add-caregiver" value={caregiver} onChange={setCaregiver} errors={shown} />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {t('register.addToFamily')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
