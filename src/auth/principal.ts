import { AppError } from '../errors/app-error.js';
import { permissions, type Action, type RoleAssignment } from './roles.js';

/** The user a request acts for, with every role they hold. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  /** Set by an administrator's reset (or a new account): every request but changing it is refused. */
  readonly mustChangePassword?: boolean;
  readonly assignments: readonly RoleAssignment[];
  /** Present when the request came with an API token (its roles are then the token's scope). */
  readonly token?: { readonly id: string; readonly readOnly: boolean };
}

export const isAdmin = (p: Principal): boolean => p.assignments.some((a) => a.role === 'admin' && a.studyId === null);

function assignmentsIn(p: Principal, studyId: string): readonly RoleAssignment[] {
  return p.assignments.filter((a) => a.studyId === null || a.studyId === studyId);
}

export function canSeeStudy(p: Principal, studyId: string): boolean {
  return assignmentsIn(p, studyId).length > 0;
}

/**
 * The sites of a study whose participants the user may see: 'all' for the administrator and
 * study-wide roles, otherwise the sites named in their site roles.
 */
export function visibleSites(p: Principal, studyId: string): 'all' | readonly string[] {
  const mine = assignmentsIn(p, studyId);
  if (mine.some((a) => a.siteId === null)) return 'all';
  return [...new Set(mine.map((a) => a.siteId as string))];
}

export function canSeeSite(p: Principal, studyId: string, siteId: string): boolean {
  const sites = visibleSites(p, studyId);
  return sites === 'all' || sites.includes(siteId);
}

/** Whether one of the user's roles covering this study and site allows the action. */
export function can(p: Principal, action: Action, studyId: string, siteId: string | null): boolean {
  const allowed: readonly string[] = permissions[action];
  return assignmentsIn(p, studyId).some((a) => allowed.includes(a.role) && (a.siteId === null || a.siteId === siteId));
}

export function requirePermission(p: Principal, action: Action, studyId: string, siteId: string | null): void {
  if (!can(p, action, studyId, siteId)) {
    throw new AppError('Forbidden', `Your roles in study ${studyId}${siteId ? ` at site ${siteId}` : ''} do not allow ${action}.`, 403);
  }
}
