/** Error codes of accounts, sessions and roles (see src/server/errors.ts for the catalogue). */
export const authErrorCodes = {
  NotAuthenticated: 'The request has no valid session cookie or API token; log in first.',
  BadCredentials: 'The username or password is wrong.',
  Forbidden: 'Your roles in this study and site do not allow this action.',
} as const;
