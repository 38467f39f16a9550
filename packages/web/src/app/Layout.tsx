import type { Lang } from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useLocale } from './locale.tsx';
import { useSession } from './session.tsx';
import { mayOpen } from './start.ts';
import { usePageTitle } from './usePageTitle.ts';

/** Skip link, banner with navigation, one main landmark that receives focus after each navigation. */
export function Layout({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const shownPath = useRef(location.pathname);
  usePageTitle(mainRef, t('app.name'));

  useEffect(() => {
    // Announce a new page to screen readers and put keyboard users at its start; not on first load (and
    // idempotent, so a repeated effect run does not move focus either).
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    // Where the page scrolls to is useScrollOnNavigate's call (the top, or the #target); focus must not move it.
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="banner">
        <div className="banner__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="banner__tools">
            <LanguageSwitch />
            {!bare && <NotificationBadge />}
            {!bare && <UserMenu />}
          </div>
        </div>
        {!bare && <MainNav />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {children}
      </main>
    </>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { state } = useSession();
  const role = state.status === 'authenticated' ? state.user.role : null;
  const items = [
    ...(mayOpen('intake', role) ? ([['/intake', t('network.nav.intake')]] as const) : []),
    ...(mayOpen('dashboard', role) ? ([['/dashboard', t('dashboard.nav')]] as const) : []),
    ...(mayOpen('team', role) ? ([['/team', t('team.nav')]] as const) : []),
    ...(mayOpen('worklist', role) ? ([['/worklist', t('app.nav.worklist')]] as const) : []),
    ...(mayOpen('register', role) ? ([['/families/new', t('app.nav.register')]] as const) : []),
    ['/tips', t('app.nav.tips')],
    ['/instruments', t('app.nav.instruments')],
    ['/interventions', t('app.nav.interventions')],
    ...(mayOpen('partners', role) ? ([['/partners', t('network.nav.partners')]] as const) : []),
    ['/sources', t('app.nav.sources')],
    ...(mayOpen('users', role) ? ([['/admin/users', t('admin.nav.users')]] as const) : []),
    ...(mayOpen('approvals', role) ? ([['/admin/approvals', t('admin.nav.approvals')]] as const) : []),
  ] as const;
  return (
    <nav className="mainnav" aria-label={t('app.mainNav')}>
      <ul>
        {items.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end={to === '/families/new'}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The header's notification count: new referrals, feedback, overdue feedback, withdrawn consent. */
function NotificationBadge() {
  const { t } = useTranslation();
  const { state } = useSession();
  const authenticated = state.status === 'authenticated';
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.call('GET /api/notifications', { query: { limit: 50 } }),
    enabled: authenticated,
    refetchInterval: 30_000,
  });
  if (!authenticated) return null;
  const unread = notifications.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="notification-badge"
      aria-label={t('network.notificationsBadge', { count: unread })}
      data-testid="notification-badge"
    >
      <span aria-hidden="true">{t('network.nav.notifications')}</span>
      {unread > 0 && (
        <span className="notification-badge__count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, setLang } = useLocale();
  const options: Lang[] = ['nl', 'en'];
  return (
    <fieldset className="langswitch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          onClick={() => setLang(option)}
          className="langswitch__option"
        >
          {t(`app.languages.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { state, logout } = useSession();
  const navigate = useNavigate();
  if (state.status !== 'authenticated') return null;
  const { user } = state;
  return (
    <div className="usermenu">
      <span className="usermenu__name">
        {t('app.loggedInAs', { name: user.displayName, organisation: user.organisation.name })}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          void logout().then(() => navigate('/login?reason=logged_out'));
        }}
      >
        {t('app.logout')}
      </button>
    </div>
  );
}
