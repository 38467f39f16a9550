import type { PortalEnrolStage, PortalSessionOk } from '@nestwerk/contract';
import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { usePortalT } from './i18n.ts';
import { portalApi } from './session.tsx';

const QrCode = lazy(() => import('../shared/QrCode.tsx'));

/** Setting up the authenticator app: scan the otpauth QR code (or type the secret), then prove it with a code. */
export function EnrolTotp({ enrol, onDone }: { enrol: PortalEnrolStage; onDone(ok: PortalSessionOk): void }) {
  const t = usePortalT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => portalApi.setCsrfToken(enrol.csrfToken), [enrol.csrfToken]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await portalApi.call('POST /api/portal/session/totp', { body: { code } }, { quietOn401: true }));
    } catch (err) {
      setError(err instanceof ApiError && err.status < 500 ? t('login.codeFailed') : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  const grouped = enrol.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <form className="form portal-form" onSubmit={submit} noValidate>
      <h2>{t('redeem.secureTitle')}</h2>
      <p>{t('redeem.secureIntro')}</p>
      <ol className="portal-steps">
        <li>{t('redeem.totpStep1')}</li>
        <li>
          {t('redeem.totpStep2')}
          <div className="portal-qr">
            <Suspense fallback={null}>
              <QrCode value={enrol.otpauthUrl} label={t('redeem.qrLabel')} size={200} />
            </Suspense>
          </div>
          <p className="hint">{t('redeem.manual')}</p>
          <code className="portal-secret" data-testid="totp-secret">
            {grouped}
          </code>
        </li>
        <li>
          <div className="field">
            <label htmlFor="enrol-code">{t('redeem.totpStep3')}</label>
            <input
              id="enrol-code"
              className="input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'enrol-code-error' : undefined}
            />
            {error && (
              <p className="field__error" id="enrol-code-error" role="alert">
                {error}
              </p>
            )}
          </div>
        </li>
      </ol>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('redeem.finish')}
      </button>
    </form>
  );
}
