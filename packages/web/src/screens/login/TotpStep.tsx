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

export function TotpStep({
  busy,
  onSubmit,
  onBack,
}: {
  busy: boolean;
  onSubmit(code: string): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
  };
  return (
    <form className="form login__form" onSubmit={submit}>
      <h2>{t('login.totpTitle')}</h2>
      <CodeField value={code} onChange={setCode} />
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
