/**
 * The signed-in user, shared by the whole app. On start it asks the server (`/api/auth/me`); a 401 from
 * any later call ends the session and brings back the sign-in page with "session ended". A flag in
 * localStorage tells an expired session apart from a first visit.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, type SessionUser } from './api-client';
import { navigate } from './router';

export type SignedOutNotice = 'sessionExpired' | 'signedOut';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'unreachable'; readonly error: ApiError }
  | { readonly status: 'signed-out'; readonly notice?: SignedOutNotice }
  | { readonly status: 'signed-in'; readonly user: SessionUser };

interface SessionContextValue {
  readonly state: SessionState;
  /** Signs in; rejects with the server's ApiError (INVALID_CREDENTIALS, LOGIN_LOCKED, …). */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const HAD_SESSION = 'komek.hadSession';

function remember(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(HAD_SESSION, '1');
    else window.localStorage.removeItem(HAD_SESSION);
  } catch {
    // storage unavailable: only the "session ended" message is lost
  }
}

function hadSession(): boolean {
  try {
    return window.localStorage.getItem(HAD_SESSION) === '1';
  } catch {
    return false;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.auth.me().then(
      ({ user }) => live && setState({ status: 'signed-in', user }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          const expired = hadSession();
          remember(false);
          setState(expired ? { status: 'signed-out', notice: 'sessionExpired' } : { status: 'signed-out' });
        } else setState({ status: 'unreachable', error: e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      api.onUnauthenticated(() => {
        remember(false);
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', notice: 'sessionExpired' } : s));
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api.auth.login(username, password);
    remember(true);
    setState({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } catch {
      // the session is ended locally anyway; the server's expires on its own
    }
    remember(false);
    navigate('/', { replace: true });
    setState({ status: 'signed-out', notice: 'signedOut' });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside the signed-in shell');
  return state.user;
}
