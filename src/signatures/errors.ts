/** Error codes of electronic signatures. */
export const signatureErrorCodes = {
  NothingToSign: 'The visit named has no saved data, so there is nothing to sign; save the visit first.',
  AlreadySigned: 'The record already carries a valid signature of this meaning; it needs signing again only after a change.',
} as const;
