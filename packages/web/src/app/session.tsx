import type { SessionOk, SessionUser } from '@nestwerk/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'logged_out' }
  | { status: 'authenticated'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  /** Called by the log-in screen once the server answered with a full session. */
  established(session: SessionOk): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionOk | null> {
  try {
    return await api.call('GET /api/session', {}, { quietOn401: true });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [anonymousReason, setAnonymousReason] = useState<'none' | 'expired' | 'logged_out'>('none');
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });

  useEffect(() => {
    api.setCsrfToken(session.data?.csrfToken ?? null);
  }, [session.data]);

  useEffect(
    () =>
      api.onSessionExpired(() => {
        // Keep every other cached query: screens hold their own work and drafts stay in localStorage.
        setAnonymousReason('expired');
        queryClient.setQueryData(SESSION_KEY, null);
      }),
    [queryClient],
  );

  const established = useCallback(
    (ok: SessionOk) => {
      api.setCsrfToken(ok.csrfToken);
      setAnonymousReason('none');
      queryClient.setQueryData(SESSION_KEY, ok);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.call('DELETE /api/session');
    } catch {
      // Logged out either way: the session is gone from this app.
    }
    api.setCsrfToken(null);
    setAnonymousReason('logged_out');
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  const state = useMemo<SessionState>(() => {
    if (session.isPending) return { status: 'loading' };
    if (session.data) return { status: 'authenticated', user: session.data.user };
    return { status: 'anonymous', reason: anonymousReason };
  }, [session.isPending, session.data, anonymousReason]);

  const value = useMemo(() => ({ state, established, logout }), [state, established, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for screens rendered behind {@link RequireSession}. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a session');
  return state.user;
}
