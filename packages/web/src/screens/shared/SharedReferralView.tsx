import type { SharedReferral } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

/** Exactly the data a receiver gets: each shared item with its value; items not shared are not there. */
export function SharedReferralView({ shared }: { shared: SharedReferral }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const list = (items: Array<{ code: string; label: string }> | undefined) =>
    items && items.length > 0 ? items.map((i) => i.label).join(', ') : t('common.none');
  const child = shared.child;
  // A parent by name when the names are shared, else by role ("moeder"), never blank.
  const parentLabel = (p: { name?: string; role: string | null }) =>
    p.name ?? (p.role ? t(`common.roles.${p.role as 'mother'}`) : '—');
  return (
    <dl className="facts shared-referral" data-testid="shared-referral">
      <dt>{t('network.items.reason')}</dt>
      <dd>
        <ul className="plain">
          <li>
            {t('network.referral.criteria')}: {list(shared.reason.criteria)}
          </li>
          <li>
            {t('network.referral.imhReasons')}: {list(shared.reason.imhReasons)}
          </li>
          {shared.reason.text && (
            <li>
              {t('network.referral.freeText')}: {shared.reason.text}
            </li>
          )}
        </ul>
      </dd>
      <dt>{t('network.items.referrer')}</dt>
      <dd>
        {[shared.referrer.name, shared.referrer.organisation, shared.referrer.email, shared.referrer.phone]
          .filter(Boolean)
          .join(', ')}
      </dd>
      {child && (child.ageMonths !== undefined || child.gestationWeeks !== undefined) && (
        <>
          <dt>{t('network.items.child_age')}</dt>
          <dd>
            {child.ageMonths !== undefined
              ? t('network.referral.childAge', { months: child.ageMonths })
              : t('network.referral.gestation', { weeks: child.gestationWeeks })}
          </dd>
        </>
      )}
      {child && (child.givenName || child.familyName) && (
        <>
          <dt>{t('network.items.child_name')}</dt>
          <dd>{[child.givenName, child.familyName].filter(Boolean).join(' ')}</dd>
        </>
      )}
      {child && (child.birthDate || child.dueDate) && (
        <>
          <dt>{t('network.items.child_birth_date')}</dt>
          <dd>
            {child.birthDate ? date(child.birthDate) : t('common.dueOn', { date: date(child.dueDate ?? '') })}
          </dd>
        </>
      )}
      {shared.cues && (
        <>
          <dt>{t('network.items.cues')}</dt>
          <dd>{list(shared.cues)}</dd>
        </>
      )}
      {shared.factors && (
        <>
          <dt>{t('network.items.factors')}</dt>
          <dd>{list(shared.factors)}</dd>
        </>
      )}
      {shared.interventions && (
        <>
          <dt>{t('network.items.interventions')}</dt>
          <dd>{list(shared.interventions)}</dd>
        </>
      )}
      {shared.parentWishes !== undefined && (
        <>
          <dt>{t('network.items.parent_wishes')}</dt>
          <dd>{shared.parentWishes || t('common.none')}</dd>
        </>
      )}
      {shared.parents && shared.items.includes('parent_names') && (
        <>
          <dt>{t('network.items.parent_names')}</dt>
          <dd>
            <ul className="plain">
              {shared.parents.map((p) => (
                <li key={`${p.role}-${p.name ?? ''}`}>{parentLabel(p)}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {shared.parents && shared.items.includes('parent_phone') && (
        <>
          <dt>{t('network.items.parent_phone')}</dt>
          <dd>
            <ul className="plain">
              {shared.parents.map((p) => (
                <li key={`${p.role}-${p.name ?? ''}-${p.phone ?? ''}`}>
                  {parentLabel(p)}: {p.phone ?? t('network.referral.noPhone')}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {shared.address && (
        <>
          <dt>{t('network.items.address')}</dt>
          <dd>{[shared.address.postcode, shared.address.municipality].filter(Boolean).join(' ')}</dd>
        </>
      )}
    </dl>
  );
}
