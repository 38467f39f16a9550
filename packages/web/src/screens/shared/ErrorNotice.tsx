import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client.ts';
import { issueMessage, issuesOf } from '../../lib/field-errors.ts';

/**
 * Whether the same request may succeed when tried again: the network, the server's own failure, or too many
 * attempts. A refusal (403), something that is not there (404) or bad input (400) answers the same next time,
 * so offering "try again" would only send the nurse round in a circle.
 */
export function mayPassOnRetry(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return true;
}

/**
 * A failed request in words a nurse can act on, always in her language: the server's English `message` is
 * for logs and API clients and never shown. Field issues the form already shows at its fields (paths in
 * `shownAtFields`, see lib/field-errors.ts) are counted, not repeated; the others are listed. A 404 names what
 * is missing when the page says so (`notFound`: the family, the referral, …), else says it plainly.
 */
export function ErrorNotice({
  error,
  onRetry,
  notFound,
  shownAtFields = [],
}: {
  error: unknown;
  onRetry?: () => void;
  notFound?: string;
  shownAtFields?: readonly string[];
}) {
  const { t } = useTranslation();
  const issues = issuesOf(error);
  const atFields = issues.filter((i) => shownAtFields.includes(i.path)).length;
  const listed = issues.filter((i) => !shownAtFields.includes(i.path));
  let message = t('app.errorGeneric');
  if (error instanceof NetworkError) message = t('app.errorNetwork');
  else if (error instanceof ApiError) {
    if (error.status === 404) message = notFound ?? t('app.errorNotFound');
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
      {onRetry && mayPassOnRetry(error) && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
