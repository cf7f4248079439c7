/** Error codes of the HTTP hardening (see src/server/errors.ts for the catalogue). */
export const hardeningErrorCodes = {
  CrossOriginRefused: 'A state-changing request came from another origin (its Origin or Referer names a different host); refused as cross-site request forgery.',
  InvalidCharacter: 'A string in the request holds a NUL character or a lone UTF-16 surrogate, which no field may store; `path` names the field.',
} as const;
