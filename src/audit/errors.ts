import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the audit area (the catalogue: src/errors/catalogue.ts). */
export const auditErrors = defineErrors('AUDIT', {
  REASON_REQUIRED: { status: 400, doc: 'A change to data already entered needs a reason for change (field `reason`).' },
  CHAIN_BROKEN: { status: 409, doc: 'The audit chain does not verify; the message names the first record that was altered, removed or reordered.' },
});
