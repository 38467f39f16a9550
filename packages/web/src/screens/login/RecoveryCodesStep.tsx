import { useTranslation } from 'react-i18next';

/**
 * Right after enrolment: the recovery codes, the only time the server hands them out. The user confirms before
 * going on, so they are not clicked away unseen.
 */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <section className="form login__form" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('login.codesTitle')}</h2>
      <p>{t('login.codesIntro')}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('login.codesStored')}
      </button>
    </section>
  );
}
