import { lazy, type ReactNode, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { BackToStart } from '../screens/shared/BackToStart.tsx';
import { Layout } from './Layout.tsx';
import { LocaleProvider } from './locale.tsx';
import { useSession } from './session.tsx';
import { type GatedPage, mayOpen, startPath } from './start.ts';
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
        <Route path="/worklist" element={<Protected page="worklist">{<WorklistPage />}</Protected>} />
        <Route
          path="/families/new"
          element={<Protected page="register">{<RegisterFamilyPage />}</Protected>}
        />
        <Route
          path="/families/import"
          element={<Protected page="register">{<ImportFamilyPage />}</Protected>}
        />
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
        <Route path="/partners" element={<Protected page="partners">{<PartnersPage />}</Protected>} />
        <Route path="/families/:familyId/refer" element={<Protected>{<NewReferralPage />}</Protected>} />
        <Route path="/referrals/:referralId" element={<Protected>{<ReferralPage />}</Protected>} />
        <Route path="/intake" element={<Protected page="intake">{<IntakePage />}</Protected>} />
        <Route
          path="/intake/:intakeId"
          element={<Protected page="intake">{<IntakeDetailPage />}</Protected>}
        />
        <Route path="/notifications" element={<Protected>{<NotificationsPage />}</Protected>} />
        <Route path="/admin/users" element={<Protected page="users">{<AdminUsersPage />}</Protected>} />
        <Route
          path="/admin/approvals"
          element={<Protected page="approvals">{<ApprovalsPage />}</Protected>}
        />
        <Route path="/dashboard" element={<Protected page="dashboard">{<DashboardPage />}</Protected>} />
        <Route path="/team" element={<Protected page="team">{<TeamOverviewPage />}</Protected>} />
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

/** A page behind the log-in; a `page` that belongs to other roles shows {@link NoAccess} instead. */
function Protected({ children, page }: { children: ReactNode; page?: GatedPage }) {
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
  if (page && state.status === 'authenticated' && !mayOpen(page, state.user.role))
    return <Screen>{<NoAccess />}</Screen>;
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
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <BackToStart />
    </>
  );
}

/** A page of another role, reached by a link or a bookmark: said plainly, with the way to one's own work. */
function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.noAccessTitle')}</h1>
      <p>{t('app.noAccessText')}</p>
      <BackToStart />
    </>
  );
}
