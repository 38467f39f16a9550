import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CodeField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="login-totp">{t('login.totpLabel')}</label>
      <input
        id="login-totp"
        className="input--code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        // biome-ignore lint/a11y/noAutofocus: the only field of this step, reached by submitting the previous one
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
        aria-describedby="login-totp-help"
      />
      <p id="login-totp-help" className="hint">
        {t('login.totpHelp')}
      </p>
    </div>
  );
}

/** One of the ten single-use codes from enrolment, for when the phone is lost; letters, digits and dashes. */
export function RecoveryCodeField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="login-recovery">{t('login.recoveryLabel')}</label>
      <input
        id="login-recovery"
        className="input--code"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        required
        // biome-ignore lint/a11y/noAutofocus: the only field of this step, reached by choosing it
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="login-recovery-help"
      />
      <p id="login-recovery-help" className="hint">
        {t('login.recoveryHelp')}
      </p>
    </div>
  );
}

export type SecondFactorKind = 'totp' | 'recovery';

export function TotpStep({
  busy,
  onSubmit,
  onBack,
}: {
  busy: boolean;
  onSubmit(code: string, kind: SecondFactorKind): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SecondFactorKind>('totp');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code, kind);
  };
  const switchTo = (next: SecondFactorKind) => {
    setKind(next);
    setCode('');
  };
  return (
    <form className="form login__form" onSubmit={submit}>
      <h2>{t(kind === 'totp' ? 'login.totpTitle' : 'login.recoveryTitle')}</h2>
      {kind === 'totp' ? (
        <CodeField value={code} onChange={setCode} />
      ) : (
        <RecoveryCodeField value={code} onChange={setCode} />
      )}
      <p>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => switchTo(kind === 'totp' ? 'recovery' : 'totp')}
        >
          {t(kind === 'totp' ? 'login.useRecoveryCode' : 'login.useTotpCode')}
        </button>
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('login.totpSubmit')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('login.back')}
        </button>
      </div>
    </form>
  );
}
