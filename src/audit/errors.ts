/** Error codes of the audit area (see src/server/errors.ts for the catalogue). */
export const auditErrorCodes = {
  ReasonRequired: 'A change to data already entered needs a reason for change (field `reason`).',
  NothingToChange: 'An update named a record that does not exist.',
} as const;
