import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client.ts';

/** A failed request in words a nurse can act on; the server's field name is shown when it gives one. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('app.errorGeneric');
  if (error instanceof NetworkError) message = t('app.errorNetwork');
  else if (error instanceof ApiError && error.status === 404) message = t('app.familyNotFound');
  else if (error instanceof ApiError && error.field) {
    message = t('app.errorField', { message: error.message, field: error.field });
  } else if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    message = error.message;
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
