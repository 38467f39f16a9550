import { lazy, type ReactNode, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './Layout.tsx';
import { LocaleProvider } from './locale.tsx';
import { useSession } from './session.tsx';
import { startPath } from './start.ts';
import { useScrollOnNavigate } from './useScrollOnNavigate.ts';

// Every screen is its own chunk: the first load carries only the shell, log-in and worklist stay small, and
// the engine and knowledge arrive with the contact moment that needs them.
const LoginPage = lazy(() => import('../screens/login/LoginPage.tsx'));
const WorklistPage = lazy(() => import('../screens/worklist/WorklistPage.tsx'));
const FamilyPage = lazy(() => import('../screens/family/FamilyPage.tsx'));
const RegisterFamilyPage = lazy(() => import('../screens/register/RegisterFamilyPage.tsx'));
const ImportFamilyPage = lazy(() => import('../screens/exchange/ImportFamilyPage.tsx'));
const ContactPage = lazy(() => import('../screens/contact/ContactPage.tsx'));
const TipsPage = lazy(() => import('../screens/tips/TipsPage.tsx'));
const InstrumentsPage = lazy(() => import('../screens/instruments/InstrumentsPage.tsx'));
const FillInstrumentPage = lazy(() => import('../screens/instruments/FillInstrumentPage.tsx'));
const InterventionsPage = lazy(() => import('../screens/interventions/InterventionsPage.tsx'));
const SourcesPage = lazy(() => import('../screens/sources/SourcesPage.tsx'));
const PartnersPage = lazy(() => import('../screens/partners/PartnersPage.tsx'));
const NewReferralPage = lazy(() => import('../screens/referral/NewReferralPage.tsx'));
const ReferralPage = lazy(() => import('../screens/referral/ReferralPage.tsx'));
const IntakePage = lazy(() => import('../screens/intake/IntakePage.tsx'));
const IntakeDetailPage = lazy(() => import('../screens/intake/IntakeDetailPage.tsx'));
const NotificationsPage = lazy(() => import('../screens/notifications/NotificationsPage.tsx'));
const AdminUsersPage = lazy(() => import('../screens/admin/UsersPage.tsx'));
const ApprovalsPage = lazy(() => import('../screens/admin/ApprovalsPage.tsx'));
const ScreeningPage = lazy(() => import('../screens/screening/ScreeningPage.tsx'));
const DashboardPage = lazy(() => import('../screens/dashboard/DashboardPage.tsx'));
const TeamOverviewPage = lazy(() => import('../screens/team/TeamOverviewPage.tsx'));

export function App() {
  const { state } = useSession();
  const region = state.status === 'authenticated' ? state.user.organisation.region : 'nl';
  useScrollOnNavigate();
  return (
    <LocaleProvider region={region}>
      <Routes>
        <Route path="/login" element={<Screen bare>{<LoginPage />}</Screen>} />
        <Route path="/" element={<Protected>{<Home />}</Protected>} />
        <Route path="/worklist" element={<Protected>{<WorklistPage />}</Protected>} />
        <Route path="/families/new" element={<Protected>{<RegisterFamilyPage />}</Protected>} />
        <Route path="/families/import" element={<Protected>{<ImportFamilyPage />}</Protected>} />
        <Route path="/families/:familyId" element={<Protected>{<FamilyPage />}</Protected>} />
        <Route path="/families/:familyId/contacts/new" element={<Protected>{<ContactPage />}</Protected>} />
        <Route path="/contacts/:contactId" element={<Protected>{<ContactPage />}</Protected>} />
        <Route
          path="/families/:familyId/screenings/new"
          element={<Protected>{<ScreeningPage />}</Protected>}
        />
        <Route path="/tips" element={<Protected>{<TipsPage />}</Protected>} />
        <Route path="/instruments" element={<Protected>{<InstrumentsPage />}</Protected>} />
        <Route
          path="/instruments/fill/:definitionId"
          element={<Protected>{<FillInstrumentPage />}</Protected>}
        />
        <Route path="/interventions" element={<Protected>{<InterventionsPage />}</Protected>} />
        <Route path="/sources" element={<Protected>{<SourcesPage />}</Protected>} />
        <Route path="/partners" element={<Protected>{<PartnersPage />}</Protected>} />
        <Route path="/families/:familyId/refer" element={<Protected>{<NewReferralPage />}</Protected>} />
        <Route path="/referrals/:referralId" element={<Protected>{<ReferralPage />}</Protected>} />
        <Route path="/intake" element={<Protected>{<IntakePage />}</Protected>} />
        <Route path="/intake/:intakeId" element={<Protected>{<IntakeDetailPage />}</Protected>} />
        <Route path="/notifications" element={<Protected>{<NotificationsPage />}</Protected>} />
        <Route path="/admin/users" element={<Protected>{<AdminUsersPage />}</Protected>} />
        <Route path="/admin/approvals" element={<Protected>{<ApprovalsPage />}</Protected>} />
        <Route path="/dashboard" element={<Protected>{<DashboardPage />}</Protected>} />
        <Route path="/team" element={<Protected>{<TeamOverviewPage />}</Protected>} />
        <Route path="*" element={<Protected>{<NotFound />}</Protected>} />
      </Routes>
    </LocaleProvider>
  );
}

/** Each role starts on the page of its own work (see start.ts). */
function Home() {
  const { state } = useSession();
  return <Navigate to={startPath(state.status === 'authenticated' ? state.user.role : null)} replace />;
}

function Screen({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  return (
    <Layout bare={bare}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </Layout>
  );
}

function Protected({ children }: { children: ReactNode }) {
  // Arriving at a session is a transition: React keeps "loading" on screen until the page's code is there
  // rather than showing the Suspense fallback, whose reveal it then holds back ~300 ms (during which the
  // page cannot ask for its data). Losing one is not deferred: the log-in follows at once.
  const live = useSession().state;
  const deferred = useDeferredValue(live);
  const state = live.status === 'authenticated' ? deferred : live;
  const location = useLocation();
  if (state.status === 'loading') return <Screen bare>{<Loading />}</Screen>;
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    const reason = state.reason === 'expired' ? '&reason=expired' : '';
    return <Navigate to={`/login?next=${next}${reason}`} replace />;
  }
  return <Screen>{children}</Screen>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const { state } = useSession();
  const role = state.status === 'authenticated' ? state.user.role : null;
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to={startPath(role)}>
          {startPath(role) === '/worklist' ? t('app.backToWorklist') : t('app.backToStart')}
        </Link>
      </p>
    </>
  );
}
