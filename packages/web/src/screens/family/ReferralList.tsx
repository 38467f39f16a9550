import type { FamilyFile } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';
import { useHashTarget } from '../../lib/useHashTarget.ts';
import { ImportedBadge } from '../shared/ImportedMarker.tsx';

/** The family's referrals with status and feedback state; a new one starts from here or from the advice. */
export function ReferralList({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const referrals = family.referrals ?? [];
  // The referral page's "Verwijzingen" link lands here (#referrals).
  useHashTarget();
  return (
    <section className="panel" id="referrals" tabIndex={-1} aria-labelledby="family-referrals">
      <h2 id="family-referrals">{t('network.referral.list')}</h2>
      {referrals.length === 0 ? (
        <p className="muted">{t('network.referral.none')}</p>
      ) : (
        <ul className="plain referrals" data-testid="family-referrals">
          {referrals.map((r) => (
            <li key={r.id} className="referral-item">
              <Link
                to={`/referrals/${r.id}`}
                aria-label={t('network.referral.open', { partner: r.partner.name })}
              >
                {r.partner.name}
              </Link>{' '}
              <span className="badge">{t(`network.status.${r.status}`)}</span>
              <ImportedBadge marker={family.imported} kind="referrals" id={r.id} />
              {r.basis === 'no_consent' && (
                <span className="flag flag--safety">{t('network.referral.noConsentBanner')}</span>
              )}
              {r.feedbackOverdue && r.feedbackDue && (
                <span className="badge badge--danger">
                  {t('network.referral.feedbackOverdue', { date: date(r.feedbackDue) })}
                </span>
              )}
              {r.consentWithdrawnAt && (
                <span className="badge">
                  {t('network.referral.withdrawn', { date: date(dayOf(r.consentWithdrawnAt)) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to={`/families/${family.id}/refer`}>
          {t('network.referral.new')}
        </Link>
      </p>
    </section>
  );
}
