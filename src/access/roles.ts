/**
 * The one list of roles a user can hold, per study and per site. The database CHECK on
 * role_assignments.role, the masking rules and the web all read it (role-check.int.test.ts).
 */
export const roles = ['investigator', 'coordinator', 'unblinded-pharmacist', 'outcomes-assessor', 'monitor', 'data-manager', 'statistician', 'admin'] as const;
export type Role = (typeof roles)[number];

/** One role held by a user: in one study (or every study), at one site (or every site). */
export interface RoleAssignment {
  /** null: every study (only the administrator holds a role like that). */
  readonly studyId: string | null;
  /** null: every site of the study. */
  readonly siteId: string | null;
  readonly role: Role;
}

/** Whoever acts: only the roles they hold matter to the policy (a server Principal, the web's session). */
export interface RoleHolder {
  readonly assignments: readonly RoleAssignment[];
}

/** The role that runs the platform: the only one held for every study at once (study null), and never left without a holder. */
export const administrator = 'admin' satisfies Role;
