import { usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { LoadError, Loading } from './PortalRoot.tsx';
import { usePortalRecord } from './usePortal.ts';

export default function ReferralsPage() {
  const t = usePortalT();
  const { date } = usePortalLocale();
  const record = usePortalRecord();
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError onRetry={() => void record.refetch()} />;
  const { referrals } = record.data;
  return (
    <div>
      <h1>{t('referrals.title')}</h1>
      <p>{t('referrals.intro')}</p>
      {referrals.length === 0 && <p className="empty">{t('referrals.none')}</p>}
      <ul className="plain portal-cards">
        {referrals.map((r) => (
          <li key={r.id} className="portal-card" data-testid="portal-referral">
            <h2>{t('referrals.to', { name: r.partner })}</h2>
            <p className="portal-status">{t(`referrals.statuses.${r.status}`)}</p>
            {r.sentAt && <p className="muted">{t('referrals.sentOn', { date: date(r.sentAt) })}</p>}
            {r.consentWithdrawn && <p className="notice">{t('referrals.consentWithdrawn')}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
