/** Error codes of visit data: observations, adverse events, data queries (see src/server/errors.ts). */
export const visitDataErrorCodes = {
  InstrumentNotDue: "Values were sent for an instrument the protocol's schedule does not have at that visit.",
  QueryNotOpen: 'The data query is not in a state that allows the step (answering a closed query, closing an unanswered one).',
  CorrectionNotAllowed: 'A query answer carries a correction for a field that cannot be corrected that way (no visit, or not a saved value).',
} as const;
