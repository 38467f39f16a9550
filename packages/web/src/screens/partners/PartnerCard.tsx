import type { Partner } from '@nestwerk/contract';
import { interventionName, type PartnerKind } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

export function kindLabel(
  kinds: PartnerKind[] | undefined,
  code: string,
  know: (v: PartnerKind['label']) => string,
) {
  const kind = kinds?.find((k) => k.code === code);
  return kind ? know(kind.label) : code;
}

/** One partner on the social map: what it offers, how to register a family, what is agreed. */
export function PartnerCard({ partner: p, kinds }: { partner: Partner; kinds: PartnerKind[] | undefined }) {
  const { t } = useTranslation();
  const { know, region } = useLocale();
  const headingId = `partner-${p.id}`;
  return (
    <article className="card partner" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {p.name}
      </h2>
      <p className="muted">
        {kindLabel(kinds, p.kind, know)} · {p.region}
        {p.registration.viaNestwerk && (
          <span className="tag tag--fits">{t('network.referral.onNestwerk')}</span>
        )}
      </p>
      <dl className="facts">
        {p.municipalities.length > 0 && (
          <>
            <dt>{t('network.partners.area')}</dt>
            <dd>{p.municipalities.join(', ')}</dd>
          </>
        )}
        {p.interventions.length > 0 && (
          <>
            <dt>{t('network.partners.offers')}</dt>
            <dd>{p.interventions.map((c) => interventionName(c, region)).join(', ')}</dd>
          </>
        )}
        <dt>{t('network.partners.registration')}</dt>
        <dd>
          <ul className="plain">
            {p.registration.viaNestwerk && <li>{t('network.partners.viaNestwerk')}</li>}
            {(p.registration.phone ?? p.phone) && (
              <li>{t('network.partners.phone', { value: p.registration.phone ?? p.phone })}</li>
            )}
            {(p.registration.email ?? p.email) && (
              <li>{t('network.partners.email', { value: p.registration.email ?? p.email })}</li>
            )}
            {p.registration.note && <li>{p.registration.note}</li>}
          </ul>
        </dd>
        <dt>{t('network.partners.agreements')}</dt>
        <dd>
          <ul className="plain">
            <li>
              {p.agreements.feedbackDays
                ? t('network.partners.feedbackDays', { days: p.agreements.feedbackDays })
                : t('network.partners.noFeedbackAgreement')}
            </li>
            {p.agreements.dataExchange && (
              <li>{t('network.partners.dataExchange', { value: p.agreements.dataExchange })}</li>
            )}
          </ul>
        </dd>
      </dl>
      {p.reachability && <p>{t('network.partners.reachability', { value: p.reachability })}</p>}
      {p.website && (
        <p>
          <a href={p.website} rel="noreferrer noopener" target="_blank">
            {t('network.partners.website')}
          </a>
        </p>
      )}
    </article>
  );
}
