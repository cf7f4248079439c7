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

/** The user's roles in one study (a grant with no study applies to every study). */
export function rolesIn(session: Session, studyId: string): readonly string[] {
  return session.roles.filter((r) => r.studyId === studyId || r.studyId === '*').map((r) => r.role);
}
