import type { FamilyFile, SessionOk } from '@nestwerk/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { LocaleProvider } from '../app/locale.tsx';
import { SessionProvider, useSession } from '../app/session.tsx';
import { i18n } from '../i18n/index.ts';

export const session: SessionOk = {
  csrfToken: 'csrf-1',
  user: {
    id: 'user-1',
    email: 'verpleegkundige@demo.nestwerk.test',
    displayName: 'Anna de Vries',
    role: 'nurse',
    organisation: { id: 'org-1', name: 'JGZ Demo', region: 'nl', phone: '030 000 0000' },
    team: { id: 'team-1', name: 'Team Noord' },
    mustChangePassword: false,
    isDemo: false,
  },
};

export const family: FamilyFile = {
  id: 'fam-1',
  name: 'Jansen',
  postcode: '1234 AB',
  municipality: 'Utrecht',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  version: 1,
  children: [
    {
      id: 'child-1',
      kind: 'child',
      givenName: 'Noor',
      familyName: 'Jansen',
      birthDate: '2025-01-10',
      dueDate: null,
      firstChild: true,
      nationalId: null,
      version: 1,
    },
  ],
  caregivers: [
    {
      id: 'p1',
      kind: 'caregiver',
      givenName: 'Eva',
      familyName: 'Jansen',
      role: 'mother',
      birthYear: 1995,
      lowEducation: null,
      phone: null,
      nationalId: null,
      version: 1,
    },
  ],
  contacts: [],
  assessments: [],
  agreements: [],
  consents: [],
  instrumentResults: [],
  careTeam: [],
  careNetwork: { members: [], coordinatorId: null },
  referrals: [],
  safetyRoute: null,
  screenings: [],
  dueScreenings: [],
  selfReports: [],
  imported: null,
  access: { basis: 'care_relationship', emergencyExpiresAt: null },
};

type Handler = (method: string, path: string, body: unknown) => { status: number; body?: unknown };

/** A fake same-origin server for component tests: routes by method and path. */
export function mockServer(handler: Handler) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const answer =
      method === 'GET' && path === '/api/session'
        ? { status: 200, body: session }
        : handler(method, path, body);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

export function renderAt(path: string, routes: Array<{ path: string; element: ReactNode }>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <SessionProvider>
            <LocaleProvider region="nl">
              <WhenLoggedIn>
                <Routes>
                  {routes.map((r) => (
                    <Route key={r.path} path={r.path} element={r.element} />
                  ))}
                </Routes>
              </WhenLoggedIn>
            </LocaleProvider>
          </SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

/** Like the app's Protected routes: screens render once the session is known. */
function WhenLoggedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'authenticated' ? children : null;
}
