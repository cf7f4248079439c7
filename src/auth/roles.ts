/** Roles a user holds per study (and per site for site staff). */
export const roles = [
  'investigator',
  'coordinator',
  'unblinded-pharmacist',
  'outcomes-assessor',
  'monitor',
  'data-manager',
  'statistician',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export interface RoleAssignment {
  /** null: every study (only the administrator holds a role like that). */
  readonly studyId: string | null;
  /** null: every site of the study. */
  readonly siteId: string | null;
  readonly role: Role;
}

/** What a request may do; each action lists the roles that may do it. */
export const permissions = {
  'participant.read': roles,
  'participant.write': ['investigator', 'coordinator', 'admin'],
  'dose.write': ['investigator', 'coordinator', 'unblinded-pharmacist', 'admin'],
  'study.read': roles,
  /** Accounts and their roles; held for every study (study_id null), never per study. */
  'user.manage': ['admin'],
  /** Sites, their reference ranges, and studies: create, activate, amend. */
  'study.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof permissions;
