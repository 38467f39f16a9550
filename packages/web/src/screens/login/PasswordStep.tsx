import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordStep({
  busy,
  onSubmit,
  errorId,
}: {
  busy: boolean;
  onSubmit(email: string, password: string): void;
  errorId: string | undefined;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(email.trim(), password);
  };
  return (
    <form className="form login__form" onSubmit={submit} aria-describedby={errorId}>
      <p>{t('login.intro')}</p>
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={errorId ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={errorId ? true : undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
