/** Error codes of a study's sites (see src/server/errors.ts for the catalogue). */
export const siteErrorCodes = {
  SiteClosed: 'The site is closed to recruitment: no participant is registered there and it cannot be closed again.',
} as const;
