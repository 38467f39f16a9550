import type { FamilySelfReport } from '@nestwerk/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';

/**
 * What parents reported themselves in the portal before a visit, marked as theirs so it is never read as the
 * nurse's own observation. `limit` keeps the family summary and the contact screen to the newest ones.
 */
export function SelfReportsPanel({ familyId, limit = 3 }: { familyId: string; limit?: number }) {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const reports = useQuery({
    queryKey: ['families', familyId, 'self-reports'],
    queryFn: () => api.call('GET /api/families/:id/self-reports', { params: { id: familyId } }),
  });
  const items = reports.data?.items.slice(0, limit) ?? [];
  // Nothing reported: no panel, the file stays as it was.
  if (items.length === 0) return null;
  return (
    <section
      className="panel self-reports"
      aria-labelledby={`self-reports-${familyId}`}
      data-testid="self-reports"
    >
      <h2 id={`self-reports-${familyId}`}>{t('family.selfReports.title')}</h2>
      <p className="hint">{t('family.selfReports.intro')}</p>
      <ul className="plain">
        {items.map((r) => (
          <SelfReportItem key={r.id} report={r} when={formatDateTime(r.createdAt, tag)} />
        ))}
      </ul>
    </section>
  );
}

function SelfReportItem({ report: r, when }: { report: FamilySelfReport; when: string }) {
  const { t } = useTranslation();
  const yes = r.whooley ? Number(r.whooley.depressed) + Number(r.whooley.lostInterest) : 0;
  return (
    <li className={r.risk ? 'self-report self-report--risk' : 'self-report'}>
      <p>
        <span className="tag tag--parent">{t('family.selfReports.badge')}</span>{' '}
        {t('family.selfReports.by', { name: r.reportedBy.name, date: when })}
      </p>
      {r.risk && <p className="notice notice--warning">{t('family.selfReports.risk')}</p>}
      <dl className="self-report__answers">
        {r.howAreYou && (
          <>
            <dt>{t('family.selfReports.howAreYou')}</dt>
            <dd>{r.howAreYou}</dd>
          </>
        )}
        {r.howIsChild && (
          <>
            <dt>{t('family.selfReports.howIsChild')}</dt>
            <dd>{r.howIsChild}</dd>
          </>
        )}
        {r.wantToDiscuss && (
          <>
            <dt>{t('family.selfReports.wantToDiscuss')}</dt>
            <dd>{r.wantToDiscuss}</dd>
          </>
        )}
      </dl>
      {(r.whooley || r.gad2) && (
        <p className="muted">
          {r.whooley && t('family.selfReports.whooley', { count: yes })}
          {r.whooley && r.gad2 && ' · '}
          {r.gad2 && t('family.selfReports.gad2', { total: r.gad2.nervous + r.gad2.worrying })}
        </p>
      )}
    </li>
  );
}
