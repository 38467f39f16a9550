import type { PortalSessionOk } from '@nestwerk/contract';
import { useState } from 'react';
import { type PortalKey, usePortalT } from './i18n.ts';
import { getPasskey, passkeyError, passkeySupported } from './passkey.ts';
import { portalApi } from './session.tsx';

/** "Inloggen met een passkey": no e-mail to type, the browser offers this site's passkeys. */
export function PasskeyLogin({ onDone }: { onDone(ok: PortalSessionOk): void }) {
  const t = usePortalT();
  const [supported] = useState(passkeySupported);
  const [error, setError] = useState<PortalKey | null>(null);
  const [busy, setBusy] = useState(false);
  if (!supported) return null;
  const logIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const challenge = await portalApi.call('POST /api/portal/session/passkey/options');
      const credential = await getPasskey(challenge);
      onDone(
        await portalApi.call(
          'POST /api/portal/session/passkey',
          { body: { attemptId: challenge.attemptId, credential } },
          { quietOn401: true },
        ),
      );
    } catch (err) {
      setError(passkeyError(err, 'login'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="portal-passkey-login" aria-label={t('passkey.login')}>
      {error && (
        <p className="notice notice--error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="button" className="button button--primary" disabled={busy} onClick={logIn}>
        {t('passkey.login')}
      </button>
      <p>{t('passkey.loginOr')}</p>
    </section>
  );
}
