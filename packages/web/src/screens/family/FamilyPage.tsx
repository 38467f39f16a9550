import { tipBand } from '@nestwerk/engine';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ageOn } from '../shared/age.ts';
import { BackToStart } from '../shared/BackToStart.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { AgreementList } from './AgreementList.tsx';
import { BalanceSection } from './BalanceSection.tsx';
import { CareNetworkPanel } from './CareNetworkPanel.tsx';
import { ContactTimeline } from './ContactTimeline.tsx';
import { EstimateHistory } from './EstimateHistory.tsx';
import { FamilyHeader } from './FamilyHeader.tsx';
import { FamilySummary, safetyLeads } from './FamilySummary.tsx';
import { Household } from './Household.tsx';
import { InstrumentResults } from './InstrumentResults.tsx';
import { ParentScreeningsPanel } from './ParentScreeningsPanel.tsx';
import { PortalAccessPanel } from './PortalAccessPanel.tsx';
import { ReferralList } from './ReferralList.tsx';
import { SafetyRoutePanel } from './SafetyRoutePanel.tsx';
import { SelfReportsPanel } from './SelfReportsPanel.tsx';
import { TransferPanel } from './TransferPanel.tsx';

export default function FamilyPage() {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const { familyId = '' } = useParams();
  const location = useLocation();
  const notice = (
    location.state as {
      notice?: 'contact.savedFinal' | 'exchange.imported' | 'exchange.importedBefore';
    } | null
  )?.notice;
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId } }),
  });

  if (family.isError)
    return (
      <>
        <ErrorNotice error={family.error} notFound={t('app.familyNotFound')} />
        <BackToStart />
      </>
    );
  if (!family.data) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  const f = family.data;
  const youngest = [...f.children].sort((a, b) =>
    (b.birthDate ?? b.dueDate ?? '').localeCompare(a.birthDate ?? a.dueDate ?? ''),
  )[0];
  const youngestAge = youngest ? ageOn(youngest) : null;
  // The file opens on how the family is doing; the safety route leads only when it is open or signalled.
  const safetyFirst = safetyLeads(f);
  return (
    <>
      {notice && (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      )}
      {f.access?.basis === 'emergency' && (
        <p className="notice notice--warning" role="status">
          {t('family.emergencyAccess', {
            time: f.access.emergencyExpiresAt ? formatDateTime(f.access.emergencyExpiresAt, tag) : '',
          })}
        </p>
      )}
      <FamilyHeader family={f} />
      {safetyFirst && <SafetyRoutePanel family={f} />}
      <FamilySummary family={f} />
      <SelfReportsPanel familyId={f.id} />
      {!safetyFirst && <SafetyRoutePanel family={f} compact />}
      <div className="family-grid">
        <Household family={f} />
        <PortalAccessPanel family={f} />
        <CareNetworkPanel family={f} />
        <ReferralList family={f} />
        <AgreementList family={f} />
        <ContactTimeline family={f} />
        <ParentScreeningsPanel family={f} />
        <BalanceSection family={f} />
        <EstimateHistory family={f} />
        <InstrumentResults family={f} />
        <TransferPanel family={f} />
        <section className="panel" aria-labelledby="family-links">
          <h2 id="family-links">{t('family.links')}</h2>
          <ul>
            <li>
              <Link to={`/interventions?family=${f.id}`}>{t('family.interventionsLink')}</Link>
            </li>
            <li>
              <Link to={youngestAge ? `/tips?band=${tipBand(youngestAge)}` : '/tips'}>
                {t('family.tipsLink')}
              </Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
