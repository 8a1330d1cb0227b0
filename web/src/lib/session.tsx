/**
 * The signed-in session, for every page under the session gate (web/src/App.tsx): the user,
 * and `signOut()` (ends the session on the server, clears cached data, back to the sign-in page).
 */
import { createContext, useContext } from 'react';
import type { SessionResponse } from '../../../src/platform/api/types';

export interface SessionValue {
  readonly session: SessionResponse;
  readonly signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside the session gate');
  return value;
}
