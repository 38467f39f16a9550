import { CITIZEN_LOGIN_ERRORS, type CitizenLoginError, type CitizenProvider } from '@nestwerk/contract';
import { useQuery } from '@tanstack/react-query';
import type { PortalKey, PortalT } from './i18n.ts';
import { portalApi } from './session.tsx';

/**
 * The citizen identity provider's buttons on the portal's log-in and activation pages: DigiD for a Dutch
 * organisation, itsme for a Flemish one, shown only when the server says one is configured. The provider is
 * named by the organisation, not by the language the parent reads in.
 */

export function useCitizenProvider(): CitizenProvider | null {
  const options = useQuery({
    queryKey: ['portal', 'login-options'],
    queryFn: () => portalApi.call('GET /api/portal/login-options'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return options.data?.citizen?.provider ?? null;
}

export const providerName = (provider: CitizenProvider): string => (provider === 'itsme' ? 'itsme' : 'DigiD');

/** The `?error=` the server's callback sent the browser back with, when it is one of the citizen log-in's. */
export function citizenErrorKey(error: string | null): PortalKey | null {
  return error !== null && (CITIZEN_LOGIN_ERRORS as readonly string[]).includes(error)
    ? (`citizen.errors.${error as CitizenLoginError}` as PortalKey)
    : null;
}

/** On the log-in page: a plain link, as the browser goes to the provider and comes back with a cookie. */
export function CitizenLoginButton({ provider, t }: { provider: CitizenProvider; t: PortalT }) {
  return (
    <section className="portal-citizen" aria-labelledby="portal-citizen-login">
      <p>{t('citizen.loginIntro', { provider: providerName(provider) })}</p>
      <a id="portal-citizen-login" className="button button--primary" href="/api/portal/oidc/start">
        {t(provider === 'itsme' ? 'citizen.loginItsme' : 'citizen.loginDigid')}
      </a>
      <p>{t('citizen.or')}</p>
    </section>
  );
}
