import { defineErrors } from '../errors/define-errors.js';

/** Error codes of visit data: observations, adverse events, data queries (see src/server/errors.ts). */
export const visitDataErrors = defineErrors('VISIT', {
  INSTRUMENT_NOT_DUE: { status: 400, doc: "Values were sent for an instrument the protocol's schedule does not have at that visit." },
  QUERY_NOT_OPEN: { status: 409, doc: 'The data query is not in a state that allows the step (answering a closed query, closing an unanswered one).' },
  CORRECTION_NOT_ALLOWED: { status: 400, doc: 'A query answer carries a correction for a field that cannot be corrected that way (no visit, or not a saved value).' },
});
