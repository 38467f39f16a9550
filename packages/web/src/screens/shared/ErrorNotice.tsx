import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client.ts';
import { issueMessage, issuesOf } from '../../lib/field-errors.ts';

/**
 * A failed request in words a nurse can act on, always in her language: the server's English `message` is
 * for logs and API clients and never shown. Field issues the form already shows at its fields (paths in
 * `shownAtFields`, see lib/field-errors.ts) are counted, not repeated; the others are listed.
 */
export function ErrorNotice({
  error,
  onRetry,
  shownAtFields = [],
}: {
  error: unknown;
  onRetry?: () => void;
  shownAtFields?: readonly string[];
}) {
  const { t } = useTranslation();
  const issues = issuesOf(error);
  const atFields = issues.filter((i) => shownAtFields.includes(i.path)).length;
  const listed = issues.filter((i) => !shownAtFields.includes(i.path));
  let message = t('app.errorGeneric');
  if (error instanceof NetworkError) message = t('app.errorNetwork');
  else if (error instanceof ApiError) {
    if (error.status === 404) message = t('app.familyNotFound');
    else if (atFields > 0) message = t('app.fieldErrorsSummary', { count: atFields });
    else if (listed.length === 1 && listed[0]) message = issueMessage(listed[0], t);
    else if (error.status === 409) message = t('app.errorConflict');
    else if (error.status === 403) message = t('app.errorForbidden');
    else if (error.status === 413) message = t('app.errorTooLarge');
    else if (error.status === 429) message = t('app.errorRateLimited');
  }
  const rest = atFields > 0 || listed.length > 1 ? listed : [];
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((issue) => (
            <li key={`${issue.path}-${issue.code}`}>{issueMessage(issue, t)}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
