import { defineErrors } from '../errors/define-errors.js';

/** Error codes of electronic signatures. */
export const signatureErrors = defineErrors('SIGNATURE', {
  NOTHING_TO_SIGN: { status: 409, doc: 'The visit named has no saved data, so there is nothing to sign; save the visit first.' },
  ALREADY_SIGNED: { status: 409, doc: 'The record already carries a valid signature of this meaning; it needs signing again only after a change.' },
});
