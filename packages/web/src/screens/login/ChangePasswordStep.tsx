import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { issueMessage, issuesOf } from '../../lib/field-errors.ts';

const POLICY_REASONS = ['too_short', 'too_long', 'repetitive', 'common', 'personal', 'weak'] as const;
type PolicyReason = (typeof POLICY_REASONS)[number];

function isPolicyReason(reason: string): reason is PolicyReason {
  return (POLICY_REASONS as readonly string[]).includes(reason);
}

/** After a password reset the server lets the user do nothing else until a new password is chosen. */
export function ChangePasswordStep({
  currentPassword,
  csrfToken,
  onDone,
}: {
  currentPassword: string;
  csrfToken: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server names the policy rule the password breaks; a rule this screen does not know yet reads by its
  // field issue, never in the server's English.
  const policyMessage = (err: ApiError): string => {
    const reason = err.body.reason;
    if (typeof reason === 'string' && isPolicyReason(reason)) return t(`login.policy.${reason}`);
    const issue = issuesOf(err)[0];
    return issue ? issueMessage(issue, t) : t('app.errorGeneric');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setError(t('login.passwordMismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      api.setCsrfToken(csrfToken);
      await api.call('POST /api/session/password', { body: { currentPassword, newPassword: next } });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? policyMessage(err) : t('app.errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form login__form" onSubmit={submit}>
      <h2>{t('login.changeTitle')}</h2>
      <p>{t('login.changeIntro')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="new-password">{t('login.newPassword')}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="repeat-password">{t('login.repeatPassword')}</label>
        <input
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('common.save')}
      </button>
    </form>
  );
}
