import { can, type Action } from '../access/index.js';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/app-error.js';
import type { Db } from '../store/db.js';
import { authErrors } from '../auth/errors.js';

/**
 * Who performs a use case: a signed-in user (through the API), or the operator at the command line,
 * who holds the database itself (as PostgreSQL's `createuser` does) and so acts as administrator.
 */
export type Caller =
  | { readonly kind: 'user'; readonly principal: Principal }
  | { readonly kind: 'operator'; readonly name: string }
  /** The server itself at start-up (creating the built-in studies). */
  | { readonly kind: 'system' };

/** What every use case is given: the database, who acts, and when (the clock is read by the adapter). */
export interface UseCaseContext {
  readonly db: Db;
  readonly by: Caller;
  readonly at: Date;
}

/** The audit trail's actor: the user's id, `cli:<login name>` for the operator, or `system`. */
export const callerId = (a: Caller): string => (a.kind === 'user' ? a.principal.userId : a.kind === 'system' ? 'system' : `cli:${a.name}`);

/** Refuse unless the caller may do `action` in the study (or, for `null`, across every study). */
export function requireAction(a: Caller, action: Action, studyId: string | null): void {
  if (a.kind !== 'user') return;
  if (!can(a.principal, action, studyId === null ? {} : { studyId })) throw new AppError(authErrors.FORBIDDEN, `Your roles do not allow ${action}${studyId === null ? '' : ` in study ${studyId}`}.`);
}
