import type { Role } from '../../src/auth/roles.js';
import type { RoleGrant } from './api.js';

/*
 * Who may do what, as the server's routes decide it (routes/visits.ts entryRoles, routes/queries.ts
 * raiserRoles, routes/adverse-events.ts investigatorRoles, routes/study-wide.ts reviewerRoles). The app only uses these to offer the
 * actions a user can take; the server still refuses anyone else.
 */

/** The site's clinical staff: enter visit data and answer data queries. */
export const entryRoles: readonly Role[] = ['investigator', 'coordinator', 'outcomes-assessor', 'admin'];
/** Those who review the data: raise data queries. */
export const raiserRoles: readonly Role[] = ['monitor', 'data-manager', 'admin'];
/** Confirming or dismissing a proposed adverse event is the investigator's judgement. */
export const investigatorRoles: readonly Role[] = ['investigator', 'admin'];
/** Those who review a whole study, over every site: read its audit trail, export its data. */
export const reviewerRoles: readonly Role[] = ['monitor', 'data-manager', 'statistician', 'admin'];

/** Whether one of the grants is one of `roles` and covers the study and site (null covers every one). */
export function holdsRole(grants: readonly RoleGrant[], roles: readonly Role[], studyId: string, siteId: string): boolean {
  return grants.some((g) => (g.studyId === null || g.studyId === studyId) && (g.siteId === null || g.siteId === siteId) && roles.includes(g.role));
}

/** Whether one of the grants is one of `roles` for the whole study: every site of it (a site-level grant does not count). */
export function holdsStudyWideRole(grants: readonly RoleGrant[], roles: readonly Role[], studyId: string): boolean {
  return grants.some((g) => (g.studyId === null || g.studyId === studyId) && g.siteId === null && roles.includes(g.role));
}
