// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { i18n } from '../../i18n/index.ts';
import { session } from '../../testing/render.tsx';
import LoginPage from './LoginPage.tsx';

type Answer = { status: number; body?: unknown };

function serverAnswering(answers: Record<string, Answer | Answer[]>) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const entry = answers[key];
    const answer = Array.isArray(entry) ? (entry.shift() ?? { status: 500 }) : (entry ?? { status: 404 });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderLogin(path = '/login?next=/families/f1') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <SessionProvider>
            <LocaleProvider region="nl">
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/families/:id" element={<p>family file opened</p>} />
              </Routes>
            </LocaleProvider>
          </SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

async function submitPassword(password = 'secret-password') {
  fireEvent.change(await screen.findByLabelText('E-mailadres'), { target: { value: 'a@b.test' } });
  fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('log-in screen', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says the credentials are wrong, and that an account is locked', async () => {
    serverAnswering({
      'GET /api/session': { status: 401, body: { error: 'unauthenticated' } },
      'POST /api/session': [
        { status: 401, body: { error: 'unauthenticated', message: 'no' } },
        { status: 429, body: { error: 'locked', message: 'locked', lockedUntil: '2026-01-01T10:15:00Z' } },
      ],
    });
    renderLogin();
    await submitPassword();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByText(/tijdelijk geblokkeerd/)).textContent).toMatch(/Geblokkeerd tot/);
  });

  it('asks for the TOTP code as a second step, then goes where the user was headed', async () => {
    const fetch = serverAnswering({
      'GET /api/session': { status: 401, body: { error: 'unauthenticated' } },
      'POST /api/session': { status: 401, body: { error: 'mfa_required', message: 'code' } },
      'POST /api/session/totp': [
        { status: 401, body: { error: 'unauthenticated' } },
        { status: 200, body: session },
      ],
    });
    renderLogin();
    await submitPassword();
    const code = await screen.findByLabelText('Code van 6 cijfers');
    fireEvent.change(code, { target: { value: '12a3456' } });
    expect((code as HTMLInputElement).value).toBe('123456');
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    // A wrong code: the message, and the step stays.
    expect((await screen.findByRole('alert')).textContent).toMatch(/code klopt niet/);
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('family file opened')).toBeTruthy();
    const totpCalls = fetch.mock.calls.filter(([url]) => String(url) === '/api/session/totp');
    expect(JSON.parse(String(totpCalls[1]?.[1]?.body))).toEqual({ code: '123456' });
  });

  it('shows the secret and otpauth link when the account must enrol, then the recovery codes', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pq${i}${i}`);
    serverAnswering({
      'GET /api/session': { status: 401, body: { error: 'unauthenticated' } },
      'POST /api/session': {
        status: 200,
        body: {
          stage: 'enrol',
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/Nestwerk:a@b.test?secret=JBSWY3DPEHPK3PXP',
          csrfToken: 'c',
        },
      },
      'POST /api/session/totp': { status: 200, body: { ...session, recoveryCodes: codes } },
    });
    renderLogin();
    await submitPassword();
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP');
    expect(screen.getByTestId('totp-url').getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    fireEvent.change(screen.getByLabelText('Code van 6 cijfers'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    // The recovery codes, once, before going on.
    const shown = await screen.findByTestId('recovery-codes');
    expect([...shown.querySelectorAll('code')].map((c) => c.textContent)).toEqual(codes);
    expect(screen.queryByText('family file opened')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ik heb de codes bewaard' }));
    expect(await screen.findByText('family file opened')).toBeTruthy();
  });

  it('accepts a recovery code instead of the code from the app', async () => {
    const fetch = serverAnswering({
      'GET /api/session': { status: 401, body: { error: 'unauthenticated' } },
      'POST /api/session': { status: 401, body: { error: 'mfa_required', message: 'code' } },
      'POST /api/session/totp': [
        { status: 401, body: { error: 'mfa_required', message: 'no' } },
        { status: 200, body: session },
      ],
    });
    renderLogin();
    await submitPassword();
    fireEvent.click(await screen.findByRole('button', { name: 'Telefoon kwijt? Gebruik een herstelcode' }));
    const field = screen.getByLabelText('Herstelcode');
    fireEvent.change(field, { target: { value: 'abcd-efgh-jkmn-pqrs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Deze herstelcode klopt niet of is al gebruikt.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('family file opened')).toBeTruthy();
    const totpCalls = fetch.mock.calls.filter(([url]) => String(url) === '/api/session/totp');
    expect(JSON.parse(String(totpCalls[1]?.[1]?.body))).toEqual({ code: 'abcd-efgh-jkmn-pqrs' });
  });

  it('explains in Dutch why the server refused a new password', async () => {
    serverAnswering({
      'GET /api/session': { status: 401, body: { error: 'unauthenticated' } },
      'POST /api/session': {
        status: 200,
        body: { ...session, user: { ...session.user, mustChangePassword: true } },
      },
      'POST /api/session/password': {
        status: 400,
        body: { error: 'invalid_input', field: 'newPassword', reason: 'weak', message: 'too easy' },
      },
    });
    renderLogin();
    await submitPassword();
    fireEvent.change(await screen.findByLabelText('Nieuw wachtwoord'), { target: { value: 'qwertyuiopas' } });
    fireEvent.change(screen.getByLabelText('Nieuw wachtwoord nog een keer'), {
      target: { value: 'qwertyuiopas' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/te makkelijk te raden/);
  });
});
