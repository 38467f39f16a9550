import type { FamilyFile, TransferResult } from '@nestwerk/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useUser } from '../../app/session.tsx';
import { serverFieldErrors } from '../../lib/field-errors.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FieldError } from '../shared/FieldError.tsx';

/** Offers the Bundle as a file to save and hand to the receiving organisation. */
function bundleHref(result: TransferResult): string {
  return URL.createObjectURL(new Blob([JSON.stringify(result.bundle)], { type: 'application/fhir+json' }));
}

/**
 * "Overdragen" (team lead): the family moves to another organisation. It rests on the parents' consent to share
 * the file with that organisation; the file is exported as a FHIR Bundle to hand over, and this organisation's
 * care for the family ends.
 */
export function TransferPanel({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const usable = family.consents.filter((c) => c.status === 'active');
  const [consentId, setConsentId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ result: TransferResult; href: string } | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/transfer', { params: { id: family.id }, body: { consentId } }),
    onSuccess: (result) => {
      setDone({ result, href: bundleHref(result) });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
  if (user.role !== 'team_lead') return null;
  const server = serverFieldErrors(mutation.error, t, (path) =>
    path === 'consentId' ? 'transfer-consent' : null,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) return setConfirming(true);
    mutation.mutate();
  };
  if (done) {
    return (
      <section className="panel" aria-labelledby="transfer-title">
        <h2 id="transfer-title">{t('exchange.transferTitle')}</h2>
        <p className="notice notice--success" role="status">
          {t('exchange.transferred', { organisation: done.result.transfer.toOrganisation })}
        </p>
        <p>
          <a
            className="button button--primary"
            href={done.href}
            download={`nestwerk-overdracht-${family.id}.fhir.json`}
          >
            {t('exchange.download')}
          </a>{' '}
          <Link to="/worklist">{t('exchange.backToWorklist')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('exchange.transferTitle')}</h2>
      <p>{t('exchange.transferIntro')}</p>
      {usable.length === 0 ? (
        <p className="muted">{t('exchange.noConsent')}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {mutation.isError && <ErrorNotice error={mutation.error} shownAtFields={server.shown} />}
          <div className={server.fields['transfer-consent'] ? 'field field--error' : 'field'}>
            <label htmlFor="transfer-consent">{t('exchange.consent')}</label>
            <select
              id="transfer-consent"
              value={consentId}
              onChange={(e) => {
                setConsentId(e.target.value);
                setConfirming(false);
              }}
              aria-describedby={server.fields['transfer-consent'] ? 'transfer-consent-error' : undefined}
            >
              <option value="">{t('exchange.chooseConsent')}</option>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('exchange.consentOption', { recipient: c.recipient, purpose: c.purpose })}
                </option>
              ))}
            </select>
            <FieldError id="transfer-consent" message={server.fields['transfer-consent']} />
          </div>
          {confirming && (
            <p className="notice notice--warning" role="alert">
              {t('exchange.confirm', {
                organisation: usable.find((c) => c.id === consentId)?.recipient ?? '',
              })}
            </p>
          )}
          <div className="actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={consentId === '' || mutation.isPending}
            >
              {confirming ? t('exchange.confirmSubmit') : t('exchange.transfer')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
