import type { PersonPatchIn } from '@nestwerk/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { today } from '../../lib/dates.ts';
import { serverFieldErrors, translateAll } from '../../lib/field-errors.ts';
import { useNationalIdSystem } from '../register/NationalIdField.tsx';
import { CaregiverFields, ChildFields } from '../register/PersonFields.tsx';
import {
  type CaregiverValues,
  type ChildValues,
  type Errors,
  personInputId,
  validateCaregiver,
  validateChild,
} from '../register/validate.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

function childValues(p: Person): ChildValues {
  return {
    born: Boolean(p.birthDate) || !p.dueDate,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate ?? '',
    dueDate: p.dueDate ?? '',
    firstChild: p.firstChild ?? false,
    nationalId: '',
  };
}

function caregiverValues(p: Person): CaregiverValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    role: p.role ?? 'other',
    birthYear: p.birthYear ? String(p.birthYear) : '',
    lowEducation: p.lowEducation ?? false,
    phone: p.phone ?? '',
    nationalId: '',
  };
}

/**
 * PATCH /api/persons/:id. A child that is born gets its birth date here (the due date is cleared). A
 * colleague's concurrent change is loaded into the form, never overwritten.
 */
export function EditPersonForm({
  person,
  familyId,
  onDone,
}: {
  person: Person;
  familyId: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const system = useNationalIdSystem();
  const queryClient = useQueryClient();
  const [child, setChild] = useState(() => childValues(person));
  const [caregiver, setCaregiver] = useState(() => caregiverValues(person));
  const [version, setVersion] = useState(person.version);
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState(false);
  const prefix = `edit-${person.id}`;

  const body = (): PersonPatchIn => {
    if (person.kind === 'child') {
      return {
        version,
        givenName: child.givenName.trim(),
        familyName: child.familyName.trim(),
        birthDate: child.born ? child.birthDate : null,
        dueDate: child.born ? null : child.dueDate,
        firstChild: child.firstChild,
        ...(child.nationalId.trim() ? { nationalId: child.nationalId.trim() } : {}),
      };
    }
    const year = Number.parseInt(caregiver.birthYear, 10);
    return {
      version,
      givenName: caregiver.givenName.trim(),
      familyName: caregiver.familyName.trim(),
      role: caregiver.role,
      birthYear: Number.isFinite(year) ? year : null,
      lowEducation: caregiver.lowEducation,
      phone: caregiver.phone.trim() || null,
      ...(caregiver.nationalId.trim() ? { nationalId: caregiver.nationalId.trim() } : {}),
    };
  };

  const mutation = useMutation({
    mutationFn: () => api.call('PATCH /api/persons/:id', { params: { id: person.id }, body: body() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        const current = err.body.current as Person | undefined;
        if (current) {
          setChild(childValues(current));
          setCaregiver(caregiverValues(current));
          setVersion(current.version);
        }
        setConflict(true);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const found =
      person.kind === 'child'
        ? validateChild(child, prefix, today(), system)
        : validateCaregiver(caregiver, prefix, system);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  const server = serverFieldErrors(mutation.error, t, (path) => personInputId(path, prefix));
  const shown = { ...translateAll(errors, t), ...server.fields };
  return (
    <form className="form edit-person" onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`}>
        {t('family.editPerson', { name: `${person.givenName} ${person.familyName}` })}
      </h4>
      {conflict && (
        <p className="notice notice--warning" role="alert">
          {t('family.conflict')}
        </p>
      )}
      {mutation.isError && !conflict && <ErrorNotice error={mutation.error} shownAtFields={server.shown} />}
      {person.kind === 'child' ? (
        <ChildFields
          prefix={prefix}
          value={child}
          onChange={setChild}
          errors={shown}
          currentNationalId={person.nationalId}
        />
      ) : (
        <CaregiverFields
          prefix={prefix}
          value={caregiver}
          onChange={setCaregiver}
          errors={shown}
          currentNationalId={person.nationalId}
        />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
