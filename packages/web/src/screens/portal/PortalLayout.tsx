import type { PortalMe } from '@nestwerk/contract';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { type PortalKey, usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { usePortalSession } from './session.tsx';

const NAV: ReadonlyArray<readonly [string, PortalKey]> = [
  ['/portaal', 'nav.home'],
  ['/portaal/dossier', 'nav.file'],
  ['/portaal/verwijzingen', 'nav.referrals'],
  ['/portaal/inzage', 'nav.access'],
  ['/portaal/toestemming', 'nav.consents'],
  ['/portaal/hoe-gaat-het', 'nav.selfReport'],
];

export function PortalLayout({ me, children }: { me: PortalMe | null; children: ReactNode }) {
  const t = usePortalT();
  const { lang, setLang } = usePortalLocale();
  const { state, logout } = usePortalSession();
  return (
    <div className="portal">
      <a className="skip-link" href="#portal-main">
        {t('app.skip')}
      </a>
      <header className="portal__banner">
        <p className="portal__brand">
          <span>{t('app.name')}</span>
          {me && <span className="portal__org">{me.organisation.name}</span>}
        </p>
        <div className="portal__tools">
          <fieldset className="portal__lang">
            <legend className="visually-hidden">{t('app.language')}</legend>
            {(['nl', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                className="button button--small button--quiet"
                aria-pressed={lang === l}
                onClick={() => setLang(l)}
              >
                {t(`app.languages.${l}`)}
              </button>
            ))}
          </fieldset>
          {state.status === 'authenticated' && (
            <button type="button" className="button button--small" onClick={() => void logout()}>
              {t('app.logout')}
            </button>
          )}
        </div>
      </header>
      {me && (
        <nav className="portal__nav" aria-label={t('app.menu')}>
          <ul>
            {NAV.map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} end>
                  {t(key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main className="portal__main" id="portal-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
