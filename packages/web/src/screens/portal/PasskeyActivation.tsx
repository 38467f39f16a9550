import type { PasskeyRegistrationChallenge, PortalSessionOk } from '@nestwerk/contract';
import { useState } from 'react';
import { type PortalKey, usePortalT } from './i18n.ts';
import { createPasskey, passkeyError, suggestedPasskeyName } from './passkey.ts';
import { portalApi } from './session.tsx';

/**
 * Makes the passkey of a just-redeemed invitation and finishes activation. The code is used by now, so a
 * cancelled or failed attempt is tried again here with a new challenge, never by redeeming again.
 */
export async function makeActivationPasskey(
  challenge: PasskeyRegistrationChallenge,
): Promise<PortalSessionOk> {
  const credential = await createPasskey(challenge);
  return portalApi.call(
    'POST /api/portal/session/passkey-registration',
    {
      body: {
        attemptId: challenge.attemptId,
        credential,
        name: suggestedPasskeyName(credential.authenticatorAttachment),
      },
    },
    { quietOn401: true },
  );
}

export function PasskeyRetry({
  initialError,
  onDone,
}: {
  initialError: PortalKey;
  onDone(ok: PortalSessionOk): void;
}) {
  const t = usePortalT();
  const [error, setError] = useState<PortalKey>(initialError);
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      const challenge = await portalApi.call('POST /api/portal/session/passkey-registration/options');
      onDone(await makeActivationPasskey(challenge));
    } catch (err) {
      setError(passkeyError(err, 'make'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="portal-form">
      <h2>{t('passkey.make')}</h2>
      <p className="notice notice--error" role="alert">
        {t(error)}
      </p>
      <p>{t('passkey.makeHint')}</p>
      <button type="button" className="button button--primary" disabled={busy} onClick={retry}>
        {t('passkey.retry')}
      </button>
    </div>
  );
}

export function MethodChoice({
  method,
  supported,
  onChange,
}: {
  method: 'passkey' | 'password';
  supported: boolean;
  onChange(method: 'passkey' | 'password'): void;
}) {
  const t = usePortalT();
  return (
    <fieldset className="portal-choice portal-method">
      <legend>
        <h2>{t('passkey.choiceTitle')}</h2>
      </legend>
      <p>{t('passkey.choiceIntro')}</p>
      <label className="portal-choice__option portal-method__option">
        <input
          type="radio"
          name="activate-method"
          value="passkey"
          checked={method === 'passkey'}
          disabled={!supported}
          onChange={() => onChange('passkey')}
          aria-describedby="method-passkey-text"
        />
        <span>
          <strong>{t('passkey.choicePasskey')}</strong>
          {supported && <span className="portal-method__badge"> {t('passkey.recommended')}</span>}
          <span className="portal-method__text" id="method-passkey-text">
            {supported ? t('passkey.choicePasskeyText') : t('passkey.noSupport')}
          </span>
        </span>
      </label>
      <label className="portal-choice__option portal-method__option">
        <input
          type="radio"
          name="activate-method"
          value="password"
          checked={method === 'password'}
          onChange={() => onChange('password')}
          aria-describedby="method-password-text"
        />
        <span>
          <strong>{t('passkey.choicePassword')}</strong>
          <span className="portal-method__text" id="method-password-text">
            {t('passkey.choicePasswordText')}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
