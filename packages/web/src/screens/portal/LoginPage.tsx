import type { PortalEnrolStage, PortalSessionOk } from '@nestwerk/contract';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { CitizenLoginButton, citizenErrorKey, useCitizenProvider } from './CitizenLogin.tsx';
import { EnrolTotp } from './EnrolTotp.tsx';
import { type PortalKey, usePortalT } from './i18n.ts';
import { PasskeyLogin } from './PasskeyLogin.tsx';
import { portalApi, usePortalSession } from './session.tsx';

/** Only portal pages are a place to go back to after log-in. */
function safeNext(next: string | null): string {
  return next && /^\/portaal(\/[a-z-]*)?$/.test(next) ? next : '/portaal';
}

export function loginError(err: unknown, step: 'password' | 'totp'): PortalKey {
  if (!(err instanceof ApiError)) return 'app.error';
  if (err.status === 423 || err.status === 429 || err.code === 'locked') return 'login.locked';
  // The right password of a parent whose access ended (suspended, no parental authority, safety route).
  if (err.status === 403) return 'login.suspended';
  if (err.status === 401 || err.status === 400 || err.status === 403)
    return step === 'totp' ? 'login.codeFailed' : 'login.failed';
  return 'app.error';
}

export default function LoginPage() {
  const t = usePortalT();
  const { state, established } = usePortalSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [enrol, setEnrol] = useState<PortalEnrolStage | null>(null);
  const [error, setError] = useState<PortalKey | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const citizen = useCitizenProvider();
  const citizenError = citizenErrorKey(params.get('error'));

  if (state.status === 'authenticated' && !busy) return <Navigate to={next} replace />;

  const done = (ok: PortalSessionOk) => {
    established(ok);
    void navigate(next, { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { email: email.trim(), password, ...(step === 'totp' ? { totp } : {}) };
      const result = await portalApi.call('POST /api/portal/session', { body }, { quietOn401: true });
      if (result.stage === 'full') done(result);
      else if (result.stage === 'totp') setStep('totp');
      else setEnrol(result);
    } catch (err) {
      setError(loginError(err, step));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="portal-login">
      <h1>{t('login.title')}</h1>
      {reason === 'expired' && (
        <p className="notice notice--warning" role="status">
          {t('login.expired')}
        </p>
      )}
      {reason === 'logged_out' && (
        <p className="notice" role="status">
          {t('login.loggedOut')}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert" id="portal-login-error">
          {t(error)}
        </p>
      )}
      {citizenError && !error && (
        <p className="notice notice--error" role="alert">
          {t(citizenError)}
        </p>
      )}
      {citizen && !enrol && step === 'password' && <CitizenLoginButton provider={citizen} t={t} />}
      {!enrol && step === 'password' && <PasskeyLogin onDone={done} />}
      {enrol ? (
        <EnrolTotp enrol={enrol} onDone={done} />
      ) : (
        <form
          className="form portal-form"
          onSubmit={submit}
          aria-describedby={error ? 'portal-login-error' : undefined}
        >
          <p>{t('login.intro')}</p>
          <div className="field">
            <label htmlFor="portal-email">{t('login.email')}</label>
            <input
              id="portal-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              readOnly={step === 'totp'}
            />
          </div>
          <div className="field">
            <label htmlFor="portal-password">{t('login.password')}</label>
            <input
              id="portal-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              readOnly={step === 'totp'}
            />
          </div>
          {step === 'totp' && (
            <div className="field">
              <label htmlFor="portal-totp">{t('login.code')}</label>
              <input
                id="portal-totp"
                className="input--code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                required
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\s/g, ''))}
                aria-describedby="portal-totp-hint"
                // biome-ignore lint/a11y/noAutofocus: the code is the one thing asked now, right after the password
                autoFocus
              />
              <p className="hint" id="portal-totp-hint">
                {t('login.codeHint')}
              </p>
            </div>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {step === 'totp' ? t('login.codeSubmit') : t('login.submit')}
          </button>
        </form>
      )}
      <section className="portal-login__more">
        <p>
          {t('login.haveCode')} <Link to="/portaal/activeren">{t('login.redeemLink')}</Link>
        </p>
        <p>
          <a href="/login">{t('login.professional')}</a>
        </p>
      </section>
    </div>
  );
}
