import { createContext, useContext } from 'react';
import type { Session } from './api.js';

export interface SessionValue {
  readonly session: Session;
  readonly signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is used outside a signed-in page.');
  return value;
}
