import { defineErrors } from '../errors/define-errors.js';

/** Error codes of accounts, sessions and roles (the catalogue: src/errors/catalogue.ts). */
export const authErrors = defineErrors('AUTH', {
  NOT_AUTHENTICATED: { status: 401, doc: 'The request has no valid session cookie or API token; log in first.' },
  BAD_CREDENTIALS: { status: 401, doc: 'The username or password is wrong.' },
  FORBIDDEN: { status: 403, doc: 'Your roles in this study and site do not allow this action.' },
  SIGN_IN_THROTTLED: { status: 429, doc: 'Too many failed sign-ins for the account or from the address; the answer says how many seconds to wait (also in Retry-After).' },
  TOKEN_READ_ONLY: { status: 403, doc: 'The API token is read-only: it may only read (GET).' },
  TOKEN_CANNOT_MINT: { status: 403, doc: 'An API token cannot create, list or revoke tokens; sign in with the password for that.' },
  INVALID_TOKEN_SCOPE: { status: 400, doc: 'An API token may only carry roles its user holds, and must expire within a year.' },
});
