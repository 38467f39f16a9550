// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client.ts';
import { i18n, switchLanguage } from '../../i18n/index.ts';
import { ErrorNotice, mayPassOnRetry } from './ErrorNotice.tsx';

function show(error: unknown, props: { notFound?: string; onRetry?: () => void } = {}) {
  render(
    <I18nextProvider i18n={i18n}>
      <ErrorNotice error={error} {...props} />
    </I18nextProvider>,
  );
  return screen.getByRole('alert');
}

const apiError = (status: number, error: string) =>
  new ApiError(status, { error, message: 'English detail' });

describe('ErrorNotice', () => {
  afterEach(cleanup);

  it('offers "try again" only where trying again can help', async () => {
    await switchLanguage('nl');
    const retry = () => undefined;
    for (const [error, offered] of [
      [new NetworkError('offline'), true],
      [apiError(500, 'internal'), true],
      [apiError(503, 'unavailable'), true],
      [apiError(429, 'rate_limited'), true],
      [apiError(403, 'forbidden'), false],
      [apiError(404, 'not_found'), false],
      [apiError(400, 'validation'), false],
    ] as const) {
      expect(mayPassOnRetry(error), String(error)).toBe(offered);
      show(error, { onRetry: retry });
      expect(screen.queryAllByRole('button', { name: 'Opnieuw proberen' }), String(error)).toHaveLength(
        offered ? 1 : 0,
      );
      cleanup();
    }
  });

  it('says what is missing when the page names it, and never calls something else a family', async () => {
    await switchLanguage('nl');
    expect(show(apiError(404, 'not_found')).textContent).toBe(
      'Dit bestaat niet (meer), of je hebt er geen toegang toe.',
    );
    cleanup();
    expect(show(apiError(404, 'not_found'), { notFound: i18n.t('app.referralNotFound') }).textContent).toBe(
      'Deze verwijzing bestaat niet (meer), of je hebt er geen toegang toe.',
    );
    cleanup();
    await switchLanguage('en');
    expect(show(apiError(404, 'not_found'), { notFound: i18n.t('app.familyNotFound') }).textContent).toBe(
      'This family does not exist or you have no access to it.',
    );
  });

  it('shows the refusal in the user language, not the server English', async () => {
    await switchLanguage('nl-BE');
    const text = show(apiError(403, 'forbidden'), { onRetry: () => undefined }).textContent ?? '';
    expect(text).toBe('Je hebt hier geen toegang toe.');
    expect(text).not.toContain('English detail');
  });
});
