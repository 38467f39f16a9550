import type { MaskedNationalId, RevealedNationalId } from '@nestwerk/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { maskedNationalId } from '../register/NationalIdField.tsx';

/**
 * A person's BSN or INSZ as the file shows it: masked, with "toon" to read the whole number. Reading it is an
 * audited request of its own, and the number is kept only while shown (never in the query cache).
 */
export function NationalIdBadge({
  personId,
  nationalId,
  name,
}: {
  personId: string;
  nationalId: MaskedNationalId;
  name: string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<RevealedNationalId | null>(null);
  const [failed, setFailed] = useState(false);
  const label = t(`register.nationalId.${nationalId.system}Short`);
  const reveal = async () => {
    setFailed(false);
    try {
      setShown(await api.call('GET /api/persons/:id/national-id', { params: { id: personId } }));
    } catch {
      setFailed(true);
    }
  };
  return (
    <span className="national-id">
      {label} <span className="national-id__value">{shown ? shown.value : maskedNationalId(nationalId)}</span>{' '}
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => (shown ? setShown(null) : void reveal())}
        aria-label={
          shown ? t('family.nationalIdHide', { label, name }) : t('family.nationalIdShow', { label, name })
        }
      >
        {shown ? t('family.hide') : t('family.show')}
      </button>
      {failed && (
        <span role="alert" className="field__error">
          {t('family.nationalIdFailed')}
        </span>
      )}
    </span>
  );
}
