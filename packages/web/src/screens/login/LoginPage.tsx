import type { EnrolStage, SessionOk } from '@nestwerk/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { useSession } from '../../app/session.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ChangePasswordStep } from './ChangePasswordStep.tsx';
import { EnrolStep } from './EnrolStep.tsx';
import { type LoginMessage, loginErrorMessage, safeNext } from './messages.ts';
import { PasswordStep } from './PasswordStep.tsx';
import { RecoveryCodesStep } from './RecoveryCodesStep.tsx';
import { type SecondFactorKind, TotpStep } from './TotpStep.tsx';

type Step =
  | { kind: 'password' }
  | { kind: 'totp' }
  | { kind: 'enrol'; enrol: EnrolStage }
  | { kind: 'codes'; session: SessionOk; codes: string[] }
  | { kind: 'change'; session: SessionOk };

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, established } = useSession();
  const { tag } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [credentials, setCredentials] = useState({ email: '', password: '' });
  const [error, setError] = useState<LoginMessage | null>(null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  if (state.status === 'authenticated' && !busy && step.kind !== 'change' && step.kind !== 'codes')
    return <Navigate to={next} replace />;

  const done = (ok: SessionOk) => {
    // A reset password must be replaced before anything else; the session holds until then.
    if (ok.user.mustChangePassword) {
      setStep({ kind: 'change', session: ok });
      return;
    }
    established(ok);
    void navigate(next, { replace: true });
  };

  const submitPassword = async (email: string, password: string) => {
    setBusy(true);
    setError(null);
    setCredentials({ email, password });
    try {
      const result = await api.call('POST /api/session', { body: { email, password } }, { quietOn401: true });
      if ('stage' in result) setStep({ kind: 'enrol', enrol: result });
      else done(result);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'mfa_required') setStep({ kind: 'totp' });
      else {
        setError(loginErrorMessage(err, 'password'));
        const until =
          err instanceof ApiError ? (err.body as { lockedUntil?: unknown }).lockedUntil : undefined;
        setLockedUntil(typeof until === 'string' ? until : null);
      }
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (code: string, kind: SecondFactorKind = 'totp') => {
    setBusy(true);
    setError(null);
    try {
      const { recoveryCodes, ...ok } = await api.call(
        'POST /api/session/totp',
        { body: { code } },
        { quietOn401: true },
      );
      // Completing an enrolment: the codes are shown now or never.
      if (recoveryCodes && recoveryCodes.length > 0)
        setStep({ kind: 'codes', session: ok, codes: recoveryCodes });
      else done(ok);
    } catch (err) {
      // Servers may also take the code together with the password in one request (docs/api.md).
      if (step.kind === 'totp' && err instanceof ApiError && err.code === 'unauthenticated') {
        try {
          const result = await api.call(
            'POST /api/session',
            { body: { ...credentials, totp: code } },
            { quietOn401: true },
          );
          if (!('stage' in result)) {
            done(result);
            return;
          }
        } catch (second) {
          setError(loginErrorMessage(second, kind));
          return;
        }
      }
      setError(loginErrorMessage(err, kind));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
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
        <p className="notice notice--error" role="alert" id="login-error">
          {t(error)}
          {error === 'login.locked' && lockedUntil && (
            <> {t('login.lockedUntil', { time: formatDateTime(lockedUntil, tag) })}</>
          )}
        </p>
      )}
      {step.kind === 'password' && (
        <PasswordStep busy={busy} onSubmit={submitPassword} errorId={error ? 'login-error' : undefined} />
      )}
      {step.kind === 'totp' && (
        <TotpStep
          busy={busy}
          onSubmit={submitCode}
          onBack={() => {
            setError(null);
            setStep({ kind: 'password' });
          }}
        />
      )}
      {step.kind === 'enrol' && <EnrolStep enrol={step.enrol} busy={busy} onSubmit={submitCode} />}
      {step.kind === 'codes' && <RecoveryCodesStep codes={step.codes} onDone={() => done(step.session)} />}
      {step.kind === 'change' && (
        <ChangePasswordStep
          currentPassword={credentials.password}
          csrfToken={step.session.csrfToken}
          onDone={() => {
            established({ ...step.session, user: { ...step.session.user, mustChangePassword: false } });
            void navigate(next, { replace: true });
          }}
        />
      )}
    </div>
  );
}
