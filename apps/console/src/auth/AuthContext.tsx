import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { onUnauthorized } from '../api/client';
import { clearSession, readSession, saveSession, type Session } from './session';

interface Auth {
  session: Session | undefined;
  /** Why the last session ended, for the sign-in screen (its redirect may come from a guard, without state). */
  signedOutBecause: SignOutReason | undefined;
  signIn(session: Session): void;
  signOut(reason?: SignOutReason): void;
}

export type SignOutReason = 'signedOut' | 'expired';

const AuthContext = createContext<Auth | undefined>(undefined);

/** The tab's session; any call answered 401 signs out and returns to the sign-in screen. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => readSession());
  const [signedOutBecause, setSignedOutBecause] = useState<SignOutReason | undefined>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = useCallback(
    (reason: SignOutReason = 'signedOut') => {
      clearSession();
      setSignedOutBecause(reason);
      setSession(undefined);
      queryClient.clear();
      void navigate('/signin', { replace: true, state: { reason } });
    },
    [navigate, queryClient],
  );

  useEffect(() => onUnauthorized(() => signOut('expired')), [signOut]);

  const value = useMemo<Auth>(
    () => ({
      session,
      signedOutBecause,
      signIn: (next) => {
        saveSession(next);
        setSignedOutBecause(undefined);
        setSession(next);
      },
      signOut,
    }),
    [session, signedOutBecause, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in session (screens behind RequireRole only). */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('no session');
  return session;
}
