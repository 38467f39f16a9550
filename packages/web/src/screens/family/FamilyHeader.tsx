import type { FamilyFile } from '@nestwerk/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ImportedFamilyNotice } from '../shared/ImportedMarker.tsx';

export function FamilyHeader({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const address = [family.postcode, family.municipality].filter(Boolean).join(' ');
  return (
    <div className="page-head">
      <div>
        <p className="eyebrow">{t('family.titleLabel')}</p>
        <h1 data-page-title={t('family.pageTitle', { name: family.name })}>{family.name}</h1>
        {address && <p className="muted">{address}</p>}
        <HeaderStatus family={family} />
        <ImportedFamilyNotice family={family} />
        {saved && (
          <p className="notice notice--success" role="status">
            {t('family.saved')}
          </p>
        )}
      </div>
      {!editing && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('family.edit')}
        </button>
      )}
      {editing && (
        <EditFamilyForm
          family={family}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      )}
    </div>
  );
}

/** The estimate agreed at the last assessed contact, and an open safety route: visible from every scroll start. */
function HeaderStatus({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const latest = family.assessments.at(-1);
  const route = family.safetyRoute?.status === 'open' ? family.safetyRoute : null;
  if (!latest && !route) return null;
  return (
    <p className="family-status" data-testid="family-status">
      {latest && (
        <span className={latest.agreedBand ? `band band--${latest.agreedBand}` : 'muted'}>
          {latest.agreedBand
            ? t('family.header.agreed', {
                band: t(`common.bands.${latest.agreedBand}`),
                date: date(latest.date),
              })
            : t('family.header.notAgreed', { date: date(latest.date) })}
        </span>
      )}
      {route && (
        <a className="flag flag--safety" href="#family-safety">
          {t('family.header.safetyOpen', { step: route.currentStep })}
        </a>
      )}
    </p>
  );
}

function EditFamilyForm({ family, onDone }: { family: FamilyFile; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: family.name,
    postcode: family.postcode ?? '',
    municipality: family.municipality ?? '',
  });
  const [version, setVersion] = useState(family.version);
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      api.call('PATCH /api/families/:id', {
        params: { id: family.id },
        body: {
          version,
          name: values.name.trim(),
          postcode: values.postcode.trim(),
          municipality: values.municipality.trim(),
        },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['family', family.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      onDone(true);
    },
    onError: (err) => {
      // Never overwrite a colleague's change: show theirs and let the nurse save again on purpose.
      if (err instanceof ApiError && err.status === 409) {
        const current = err.body.current as FamilyFile | undefined;
        if (current) {
          setValues({
            name: current.name,
            postcode: current.postcode ?? '',
            municipality: current.municipality ?? '',
          });
          setVersion(current.version);
          queryClient.setQueryData(['family', family.id], current);
        }
        setConflict(true);
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    mutation.mutate();
  };
  return (
    <form className="form panel edit-family" onSubmit={submit} aria-labelledby="edit-family-title">
      <h2 id="edit-family-title">{t('family.editTitle')}</h2>
      {conflict && (
        <p className="notice notice--warning" role="alert">
          {t('family.conflict')}
        </p>
      )}
      {mutation.isError && !conflict && <ErrorNotice error={mutation.error} />}
      <div className="field">
        <label htmlFor="edit-family-name">{t('register.familyName')}</label>
        <input
          id="edit-family-name"
          required
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="edit-family-postcode">{t('register.postcode')}</label>
          <input
            id="edit-family-postcode"
            value={values.postcode}
            onChange={(e) => setValues({ ...values, postcode: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="edit-family-municipality">{t('register.municipality')}</label>
          <input
            id="edit-family-municipality"
            value={values.municipality}
            onChange={(e) => setValues({ ...values, municipality: e.target.value })}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
