import type { Principal } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { AppError } from '../../errors/app-error.js';

/** Who reviews, inspects and exports a study's data, over every site. */
export const reviewerRoles: readonly Role[] = ['monitor', 'data-manager', 'statistician', 'admin'];

/** Refuse unless the user holds one of `roles` for the whole study (no site restriction). */
export function requireStudyWideRole(p: Principal, studyId: string, roles: readonly Role[], what: string): void {
  const ok = p.assignments.some((a) => (a.studyId === null || a.studyId === studyId) && a.siteId === null && roles.includes(a.role));
  if (!ok) throw new AppError('Forbidden', `${what} of study ${studyId} needs a study-wide role: one of ${roles.join(', ')}.`, 403);
}
