import type { EnrolStage } from '@nestwerk/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from './TotpStep.tsx';

/** First log-in of an account that needs a second factor: show the secret and the otpauth link, then verify a code. */
export function EnrolStep({
  enrol,
  busy,
  onSubmit,
}: {
  enrol: EnrolStage;
  busy: boolean;
  onSubmit(code: string): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
  };
  const grouped = enrol.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <form className="form login__form" onSubmit={submit}>
      <h2>{t('login.enrolTitle')}</h2>
      <p>{t('login.enrolIntro')}</p>
      <dl className="enrol">
        <dt>{t('login.enrolSecret')}</dt>
        <dd>
          <code className="enrol__secret" data-testid="totp-secret">
            {grouped}
          </code>
          <p className="hint">{t('login.enrolCopyHint')}</p>
        </dd>
        <dt>{t('login.enrolUrl')}</dt>
        <dd>
          <a href={enrol.otpauthUrl} className="enrol__url" data-testid="totp-url">
            {enrol.otpauthUrl}
          </a>
        </dd>
      </dl>
      <CodeField value={code} onChange={setCode} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('login.totpSubmit')}
      </button>
    </form>
  );
}
