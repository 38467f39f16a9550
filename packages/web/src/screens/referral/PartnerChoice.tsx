import type { Partner, ReferralOptions } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';

/** The partners for this referral, those offering what is advised in the family's municipality first. */
export function PartnerChoice({
  options,
  others,
  value,
  onChange,
}: {
  options: ReferralOptions;
  others: Partner[];
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useTranslation();
  const labels = new Map(options.interventions.map((i) => [i.code, i.label]));
  return (
    <>
      {options.interventions.length > 0 && (
        <p>{t('network.referral.advised', { list: options.interventions.map((i) => i.label).join(', ') })}</p>
      )}
      {options.items.length === 0 && <p className="empty">{t('network.referral.noPartners')}</p>}
      {options.items.length + others.length > 0 && (
        <fieldset className="partner-choice">
          <legend className="visually-hidden">{t('network.referral.partnerStep')}</legend>
          <ul className="plain">
            {[
              ...options.items,
              ...others.map((p) => ({ ...p, offers: [] as string[], inFamilyMunicipality: false })),
            ].map((p) => (
              <li key={p.id}>
                <label className="check">
                  <input
                    type="radio"
                    name="partner"
                    value={p.id}
                    checked={value === p.id}
                    onChange={() => onChange(p.id)}
                  />
                  <span>
                    <strong>{p.name}</strong>{' '}
                    <span className="muted">
                      {[
                        p.inFamilyMunicipality ? t('network.referral.inMunicipality') : null,
                        p.offers.length > 0
                          ? t('network.referral.offers', {
                              list: p.offers.map((c) => labels.get(c) ?? c).join(', '),
                            })
                          : null,
                        p.registration.viaNestwerk
                          ? t('network.referral.onNestwerk')
                          : t('network.referral.notOnNestwerk'),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </>
  );
}
