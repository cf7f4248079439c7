/** Error codes of account administration (see src/server/errors.ts for the catalogue). */
export const accountErrorCodes = {
  WeakPassword: 'A new password is shorter than 12 characters, is on the common-password list, or repeats the username.',
  WrongPassword: 'The current password given to change it is wrong.',
  PasswordChangeRequired: 'The password was issued (to the first administrator at first start, or by an administrator): change it (POST /api/auth/password) before anything else.',
  UnknownUser: 'No user has the username given.',
  UserDisabled: 'The user is disabled: nothing more can be granted to them or done with their account.',
  SelfGrant: 'An administrator cannot grant a role to, revoke a role from, or disable their own account.',
  RoleAlreadyHeld: 'The user already holds this role in this study and site.',
  RoleNotHeld: 'The user does not hold the role named to revoke in this study and site.',
  LastAdministrator: 'The change would leave no enabled administrator.',
  StudyRequired: 'Every role but the administrator is held in a study (and optionally one site).',
  UnknownStudyOrSite: 'A role names a study, or a site of the study, that does not exist.',
} as const;
