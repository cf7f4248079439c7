/** Error codes of the audit area (see src/server/errors.ts for the catalogue). */
export const auditErrorCodes = {
  ReasonRequired: 'A change to data already entered needs a reason for change (field `reason`).',
  NothingToChange: 'An update named a record that does not exist.',
  AuditChainBroken: 'The audit chain does not verify; the message names the first record that was altered, removed or reordered.',
} as const;
