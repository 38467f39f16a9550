import '../../styles/portal.css';
import type { PortalMe } from '@nestwerk/contract';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { usePortalT } from './i18n.ts';
import { PortalLocaleProvider, rememberedRegion, rememberRegion } from './locale.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalSessionProvider, portalApi, usePortalSession } from './session.tsx';

const LoginPage = lazy(() => import('./LoginPage.tsx'));
const ActivatePage = lazy(() => import('./ActivatePage.tsx'));
const HomePage = lazy(() => import('./HomePage.tsx'));
const RecordPage = lazy(() => import('./RecordPage.tsx'));
const ReferralsPage = lazy(() => import('./ReferralsPage.tsx'));
const AccessLogPage = lazy(() => import('./AccessLogPage.tsx'));
const ConsentsPage = lazy(() => import('./ConsentsPage.tsx'));
const SelfReportPage = lazy(() => import('./SelfReportPage.tsx'));

export const PORTAL_ME_KEY = ['portal', 'me'] as const;

/** The parent portal: its own session, language and routes under /portaal, loaded only when a parent comes. */
export default function PortalRoot() {
  return (
    <PortalSessionProvider>
      <Regional />
    </PortalSessionProvider>
  );
}

export function usePortalMe() {
  const { state } = usePortalSession();
  return useQuery({
    queryKey: PORTAL_ME_KEY,
    queryFn: () => portalApi.call('GET /api/portal/me'),
    enabled: state.status === 'authenticated',
  });
}

function Regional() {
  const me = usePortalMe();
  const region = me.data?.region ?? rememberedRegion();
  useEffect(() => {
    if (me.data) rememberRegion(me.data.region);
  }, [me.data]);
  return (
    <PortalLocaleProvider region={region}>
      <Routes>
        <Route path="inloggen" element={<Bare>{<LoginPage />}</Bare>} />
        <Route path="activeren" element={<Bare>{<ActivatePage />}</Bare>} />
        <Route path="" element={<Parent>{(m) => <HomePage me={m} />}</Parent>} />
        <Route path="dossier" element={<Parent>{(m) => <RecordPage me={m} />}</Parent>} />
        <Route path="verwijzingen" element={<Parent>{() => <ReferralsPage />}</Parent>} />
        <Route path="inzage" element={<Parent>{() => <AccessLogPage />}</Parent>} />
        <Route path="toestemming" element={<Parent>{() => <ConsentsPage />}</Parent>} />
        <Route path="hoe-gaat-het" element={<Parent>{(m) => <SelfReportPage me={m} />}</Parent>} />
        <Route path="*" element={<Parent>{() => <NotFound />}</Parent>} />
      </Routes>
    </PortalLocaleProvider>
  );
}

function Bare({ children }: { children: ReactNode }) {
  return (
    <PortalLayout me={null}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PortalLayout>
  );
}

function Parent({ children }: { children: (me: PortalMe) => ReactNode }) {
  const { state } = usePortalSession();
  const me = usePortalMe();
  const location = useLocation();
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(location.pathname);
    const reason = state.reason === 'none' ? '' : `&reason=${state.reason}`;
    return <Navigate to={`/portaal/inloggen?next=${next}${reason}`} replace />;
  }
  if (state.status === 'loading' || me.isPending)
    return (
      <PortalLayout me={null}>
        <Loading />
      </PortalLayout>
    );
  if (me.isError || !me.data)
    return (
      <PortalLayout me={null}>
        <LoadError onRetry={() => void me.refetch()} />
      </PortalLayout>
    );
  return (
    <PortalLayout me={me.data}>
      <Suspense fallback={<Loading />}>{children(me.data)}</Suspense>
    </PortalLayout>
  );
}

export function Loading() {
  const t = usePortalT();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function LoadError({ onRetry }: { onRetry(): void }) {
  const t = usePortalT();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('app.error')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

function NotFound() {
  const t = usePortalT();
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to="/portaal">{t('app.back')}</Link>
      </p>
    </>
  );
}
