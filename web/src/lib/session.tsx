// Who is signed in. The session itself is the HttpOnly cookie; the page only keeps what /me says
// (user, organization, role) and the CSRF token it must echo on writes.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { MeDto } from '@contract/auth.contract.ts';
import { setCsrfToken, setUnauthenticatedHandler } from './api-client.ts';
import { ApiError, getMe, logout } from './api.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; me: MeDto }
  | { status: 'error'; message: string };

interface Session {
  state: SessionState;
  /** Re-reads /me (after sign-in, sign-up or switching organization). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await getMe();
      setCsrfToken(me.csrfToken ?? null);
      setState({ status: 'signed-in', me });
    } catch (err) {
      setCsrfToken(null);
      if (err instanceof ApiError && err.status === 401)
        setState({ status: 'signed-out', expired: false });
      else
        setState({
          status: 'error',
          message: err instanceof Error ? err.message : 'Cannot load your session',
        });
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: false });
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: true });
    });
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in caller; only for pages rendered behind the sign-in guard. */
export function useMe(): MeDto {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe on a signed-out page');
  return state.me;
}

export const canAdmin = (me: MeDto): boolean =>
  me.organization.role === 'owner' || me.organization.role === 'admin';
