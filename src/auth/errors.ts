/** Error codes of accounts, sessions and roles (see src/server/errors.ts for the catalogue). */
export const authErrorCodes = {
  NotAuthenticated: 'The request has no valid session cookie or API token; log in first.',
  BadCredentials: 'The username or password is wrong.',
  Forbidden: 'Your roles in this study and site do not allow this action.',
  SignInThrottled: 'Too many failed sign-ins for the account or from the address; the answer says how many seconds to wait (also in Retry-After).',
  TokenReadOnly: 'The API token is read-only: it may only read (GET).',
  TokenCannotMint: 'An API token cannot create, list or revoke tokens; sign in with the password for that.',
  InvalidTokenScope: 'An API token may only carry roles its user holds, and must expire within a year.',
} as const;
