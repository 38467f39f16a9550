import type { PortalSessionOk } from '@nestwerk/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiClient, ApiError } from '../../api/client.ts';

/**
 * The portal talks to the server through its own client: a parent session has its own cookie and CSRF token,
 * and its expiry must not be mistaken for the professional session's (nor the other way round).
 */
export const portalApi = new ApiClient();

export type PortalSessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'logged_out' }
  | { status: 'authenticated'; session: PortalSessionOk };

interface PortalSessionValue {
  state: PortalSessionState;
  established(session: PortalSessionOk): void;
  logout(): Promise<void>;
}

const Context = createContext<PortalSessionValue | null>(null);
export const PORTAL_SESSION_KEY = ['portal', 'session'] as const;

async function fetchSession(): Promise<PortalSessionOk | null> {
  try {
    return await portalApi.call('GET /api/portal/session', {}, { quietOn401: true });
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
    throw err;
  }
}

export function PortalSessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<'none' | 'expired' | 'logged_out'>('none');
  const session = useQuery({ queryKey: PORTAL_SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });

  useEffect(() => {
    if (session.data) portalApi.setCsrfToken(session.data.csrfToken);
  }, [session.data]);

  useEffect(
    () =>
      portalApi.onSessionExpired(() => {
        setReason('expired');
        queryClient.setQueryData(PORTAL_SESSION_KEY, null);
      }),
    [queryClient],
  );

  const established = useCallback(
    (ok: PortalSessionOk) => {
      portalApi.setCsrfToken(ok.csrfToken);
      setReason('none');
      queryClient.setQueryData(PORTAL_SESSION_KEY, ok);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await portalApi.call('DELETE /api/portal/session');
    } catch {
      // Logged out either way: the session is gone from this page.
    }
    portalApi.setCsrfToken(null);
    setReason('logged_out');
    queryClient.removeQueries({ queryKey: ['portal'] });
    queryClient.setQueryData(PORTAL_SESSION_KEY, null);
  }, [queryClient]);

  const state = useMemo<PortalSessionState>(() => {
    if (session.isPending) return { status: 'loading' };
    if (session.data) return { status: 'authenticated', session: session.data };
    return { status: 'anonymous', reason };
  }, [session.isPending, session.data, reason]);

  const value = useMemo(() => ({ state, established, logout }), [state, established, logout]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePortalSession(): PortalSessionValue {
  const value = useContext(Context);
  if (!value) throw new Error('usePortalSession outside PortalSessionProvider');
  return value;
}
