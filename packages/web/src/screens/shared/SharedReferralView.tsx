import type { SharedReferral } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { ageText } from './age.ts';

/**
 * Exactly the data a receiver gets: each shared item with its value; items not shared are not there. The
 * referrer previews it ("your name"); the receiver reads who referred (`viewer="receiver"`).
 */
export function SharedReferralView({
  shared,
  viewer = 'referrer',
}: {
  shared: SharedReferral;
  viewer?: 'referrer' | 'receiver';
}) {
  const { t } = useTranslation();
  const { date } = useLocale();
  // One item per line: the labels are sentences with commas of their own, so a comma-joined run read as one.
  const list = (items: Array<{ code: string; label: string }> | undefined) =>
    items && items.length > 0 ? (
      <ul className="shared-referral__list">
        {items.map((i) => (
          <li key={i.code}>{i.label}</li>
        ))}
      </ul>
    ) : (
      t('common.none')
    );
  const { child, factors } = shared;
  // A parent by name when the names are shared, else by role ("moeder"), never blank.
  const parentLabel = (p: { name?: string; role: string | null }) =>
    p.name ?? (p.role ? t(`common.roles.${p.role as 'mother'}`) : '—');
  return (
    <dl className="facts shared-referral" data-testid="shared-referral">
      <dt>{t('network.items.reason')}</dt>
      <dd>
        <ul className="plain">
          <li>
            {t('network.referral.criteria')}: <Reasons items={shared.reason.criteria} />
          </li>
          <li>
            {t('network.referral.imhReasons')}: <Reasons items={shared.reason.imhReasons} />
          </li>
          {shared.reason.text && (
            <li>
              {t('network.referral.freeText')}: {shared.reason.text}
            </li>
          )}
        </ul>
      </dd>
      <dt>{viewer === 'receiver' ? t('network.intake.referrerDetails') : t('network.items.referrer')}</dt>
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
              ? ageText(t, { born: true, months: child.ageMonths })
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
      {factors && (
        <>
          <dt>{t('network.items.factors')}</dt>
          <dd>
            {factors.length === 0
              ? t('common.none')
              : (['hindering', 'protective'] as const).map((kind) => {
                  const ofKind = factors.filter((f) => f.kind === kind);
                  return (
                    ofKind.length > 0 && (
                      <div key={kind}>
                        <p className="shared-referral__kind">{t(`contact.factors.${kind}`)}</p>
                        {list(ofKind)}
                      </div>
                    )
                  );
                })}
          </dd>
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

/** Reasons are whole sentences: one per line reads better than a comma list. */
function Reasons({ items }: { items: Array<{ code: string; label: string }> }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('common.none')}</>;
  return (
    <ul className="shared-referral__reasons">
      {items.map((i) => (
        <li key={i.code}>{i.label}</li>
      ))}
    </ul>
  );
}
