import type { PortalEnrolStage, PortalSessionOk } from '@nestwerk/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { issuesOf } from '../../lib/field-errors.ts';
import { citizenErrorKey, providerName, useCitizenProvider } from './CitizenLogin.tsx';
import { EnrolTotp } from './EnrolTotp.tsx';
import { type PortalKey, usePortalT } from './i18n.ts';
import { MethodChoice, makeActivationPasskey, PasskeyRetry } from './PasskeyActivation.tsx';
import { passkeyError, passkeySupported } from './passkey.ts';
import { portalApi, usePortalSession } from './session.tsx';

const MIN_PASSWORD = 12;
type Field = 'code' | 'email' | 'password' | 'repeat';
type Errors = Partial<Record<Field, PortalKey>>;

/** The server's answer placed at the field it concerns, in the parent's words. */
function redeemErrors(err: unknown): { fields: Errors; general: PortalKey | null } {
  if (!(err instanceof ApiError)) return { fields: {}, general: 'app.error' };
  if (err.status === 429) return { fields: { code: 'redeem.tooMany' }, general: null };
  const fields: Errors = {};
  let general: PortalKey | null = null;
  for (const issue of issuesOf(err)) {
    if (issue.code === 'invitation_invalid') fields.code = 'redeem.invalid';
    else if (issue.code === 'access_refused') general = 'redeem.refused';
    else if (issue.code === 'email_taken') fields.email = 'redeem.emailTaken';
    else if (issue.code === 'weak_password' || issue.path === 'password')
      fields.password =
        issue.params?.reason === 'too_short'
          ? 'redeem.tooShort'
          : issue.params?.reason === 'personal'
            ? 'redeem.personal'
            : 'redeem.weak';
    else if (issue.path === 'email') fields.email = 'redeem.emailInvalid';
    else if (issue.path === 'code') fields.code = 'redeem.invalid';
  }
  if (!general && Object.keys(fields).length === 0)
    general = err.code === 'access_refused' ? 'redeem.refused' : 'app.error';
  return { fields, general };
}

const CITIZEN_DRAFT = 'nestwerk.portal.activation';

function citizenDraft(): { code: string; email: string } {
  const stored = sessionStorage.getItem(CITIZEN_DRAFT);
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    if (parsed && typeof parsed === 'object' && 'code' in parsed && 'email' in parsed)
      return { code: String(parsed.code), email: String(parsed.email) };
  } catch {
    // Not ours, or damaged: start empty.
  }
  return { code: '', email: '' };
}

export default function ActivatePage() {
  const t = usePortalT();
  const { established } = usePortalSession();
  const navigate = useNavigate();
  const { hash } = useLocation();
  // The letter's QR code carries the code after '#', which never reaches a server log.
  // Back from the citizen provider with an error, the letter's link (and its code) is gone from the address:
  // what the parent typed before leaving is kept for this tab only, and only until it is back.
  const [left] = useState(citizenDraft);
  useEffect(() => sessionStorage.removeItem(CITIZEN_DRAFT), []);
  const [code, setCode] = useState(() => decodeURIComponent(hash.replace(/^#/, '')) || left.code);
  const [email, setEmail] = useState(left.email);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<PortalKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrol, setEnrol] = useState<PortalEnrolStage | null>(null);
  const [params] = useSearchParams();
  const citizen = useCitizenProvider();
  const citizenError = citizenErrorKey(params.get('error'));

  /** The code and e-mail are checked here; the invitation is redeemed when the provider sends the parent back. */
  const activateWithCitizen = async () => {
    const local: Errors = {};
    if (!code.trim()) local.code = 'redeem.invalid';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = 'redeem.emailInvalid';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) {
      document.getElementById(`activate-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await portalApi.call('POST /api/portal/oidc/activation', {
        body: { code: code.trim(), email: email.trim() },
      });
      sessionStorage.setItem(CITIZEN_DRAFT, JSON.stringify({ code: code.trim(), email: email.trim() }));
      window.location.assign(next.redirectUrl);
    } catch (err) {
      if (issuesOf(err).some((i) => i.code === 'citizen_unavailable')) setGeneral('citizen.unavailable');
      else {
        const found = redeemErrors(err);
        setErrors(found.fields);
        setGeneral(found.general);
      }
      setBusy(false);
    }
  };

  // A passkey is offered first where the browser can make one: nothing to remember, nothing to type.
  const [supported] = useState(passkeySupported);
  const [method, setMethod] = useState<'passkey' | 'password'>(supported ? 'passkey' : 'password');
  const [passkeyFailed, setPasskeyFailed] = useState<PortalKey | null>(null);

  const finished = (ok: PortalSessionOk) => {
    established(ok);
    void navigate('/portaal', { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = {};
    if (!code.trim()) local.code = 'redeem.invalid';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = 'redeem.emailInvalid';
    if (method === 'password') {
      if (password.length < MIN_PASSWORD) local.password = 'redeem.tooShort';
      else if (password !== repeat) local.repeat = 'redeem.mismatch';
    }
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) {
      document.getElementById(`activate-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    if (method === 'passkey') {
      await redeemForPasskey();
      return;
    }
    try {
      setEnrol(
        await portalApi.call('POST /api/portal/invitations/redeem', {
          body: { code: code.trim(), email: email.trim(), password },
        }),
      );
    } catch (err) {
      const found = redeemErrors(err);
      setErrors(found.fields);
      setGeneral(found.general);
    } finally {
      setBusy(false);
    }
  };

  const redeemForPasskey = async () => {
    let redeemed = false;
    try {
      const stage = await portalApi.call('POST /api/portal/invitations/redeem-passkey', {
        body: { code: code.trim(), email: email.trim() },
      });
      redeemed = true;
      portalApi.setCsrfToken(stage.csrfToken);
      finished(await makeActivationPasskey(stage));
    } catch (err) {
      if (redeemed) setPasskeyFailed(passkeyError(err, 'make'));
      else {
        const found = redeemErrors(err);
        setErrors(found.fields);
        setGeneral(found.general);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (id: Field, label: PortalKey, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`activate-${id}`}>{t(label)}</label>
      {hint && (
        <p className="hint" id={`activate-${id}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[id] && (
        <p className="field__error" id={`activate-${id}-error`}>
          {t(errors[id], { min: MIN_PASSWORD })}
        </p>
      )}
    </div>
  );
  const describedBy = (id: Field, hint: boolean) =>
    [hint ? `activate-${id}-hint` : '', errors[id] ? `activate-${id}-error` : ''].join(' ').trim() ||
    undefined;

  // One e-mail field: inside the DigiD/itsme block when a provider is offered (both ways share it), else with
  // the chosen method below.
  const emailField = field(
    'email',
    'redeem.email',
    <input
      id="activate-email"
      type="email"
      autoComplete="username"
      value={email}
      onChange={(e) => setEmail(e.target.value)}
      aria-invalid={errors.email ? true : undefined}
      aria-describedby={describedBy('email', true)}
    />,
    t('redeem.emailHint'),
  );
  return (
    <div className="portal-login">
      <h1>{t('redeem.title')}</h1>
      <p className="portal-stepcount">
        {t('redeem.step', { step: enrol || passkeyFailed ? 2 : 1, total: 2 })}
      </p>
      {general && (
        <p className="notice notice--error" role="alert">
          {t(general, citizen ? { provider: providerName(citizen) } : {})}
        </p>
      )}
      {citizenError && !general && (
        <p className="notice notice--error" role="alert">
          {t(citizenError)}
        </p>
      )}
      {passkeyFailed ? (
        <PasskeyRetry initialError={passkeyFailed} onDone={finished} />
      ) : enrol ? (
        <EnrolTotp enrol={enrol} onDone={finished} />
      ) : (
        <form className="form portal-form" onSubmit={submit} noValidate>
          <h2>{t('redeem.codeTitle')}</h2>
          <p>{t('redeem.codeIntro')}</p>
          {field(
            'code',
            'redeem.code',
            <input
              id="activate-code"
              className="input--code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={describedBy('code', true)}
            />,
            t('redeem.codeHint'),
          )}
          {citizen && (
            <section className="portal-citizen" aria-labelledby="activate-citizen">
              <p>{t('citizen.activateIntro', { provider: providerName(citizen) })}</p>
              {emailField}
              <button
                id="activate-citizen"
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void activateWithCitizen()}
              >
                {t(citizen === 'itsme' ? 'citizen.activateItsme' : 'citizen.activateDigid')}
              </button>
              <p>{t('citizen.activateOr')}</p>
            </section>
          )}
          <MethodChoice method={method} supported={supported} onChange={setMethod} />
          {citizen ? (
            // The e-mail was asked above, with the provider's button.
            method === 'password' && <h2>{t('redeem.passwordOnlyTitle')}</h2>
          ) : (
            <h2>{method === 'password' ? t('redeem.passwordTitle') : t('passkey.emailTitle')}</h2>
          )}
          {!citizen && emailField}
          {method === 'password' &&
            field(
              'password',
              'redeem.password',
              <input
                id="activate-password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy('password', true)}
              />,
              t('redeem.passwordHint', { min: MIN_PASSWORD }),
            )}
          {method === 'password' &&
            field(
              'repeat',
              'redeem.repeat',
              <input
                id="activate-repeat"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                aria-invalid={errors.repeat ? true : undefined}
                aria-describedby={describedBy('repeat', false)}
              />,
            )}
          {method === 'passkey' && <p className="hint">{t('passkey.makeHint')}</p>}
          <button type="submit" className="button button--primary" disabled={busy}>
            {method === 'passkey' ? t('passkey.make') : t('redeem.next')}
          </button>
        </form>
      )}
    </div>
  );
}
