import { defineErrors } from '../errors/define-errors.js';

/** Error codes of account administration (the catalogue: src/errors/catalogue.ts). */
export const accountErrors = defineErrors('ACCOUNT', {
  WEAK_PASSWORD: { status: 400, doc: 'A new password is shorter than 12 characters, is on the common-password list, or repeats the username.' },
  WRONG_PASSWORD: { status: 400, doc: 'The current password given to change it is wrong.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    doc: 'The password was issued (to the first administrator at first start, or by an administrator): change it (POST /api/auth/password) before anything else.',
  },
  UNKNOWN_USER: { status: 404, doc: 'No user has the username given.' },
  USER_DISABLED: { status: 409, doc: 'The user is disabled: nothing more can be granted to them or done with their account.' },
  SELF_GRANT: { status: 403, doc: 'An administrator cannot grant a role to, revoke a role from, or disable their own account.' },
  ROLE_ALREADY_HELD: { status: 409, doc: 'The user already holds this role in this study and site.' },
  ROLE_NOT_HELD: { status: 404, doc: 'The user does not hold the role named to revoke in this study and site.' },
  LAST_ADMINISTRATOR: { status: 409, doc: 'The change would leave no enabled administrator.' },
  STUDY_REQUIRED: { status: 400, doc: 'Every role but the administrator is held in a study (and optionally one site).' },
  UNKNOWN_STUDY_OR_SITE: { status: 404, doc: 'A role names a study, or a site of the study, that does not exist.' },
});
