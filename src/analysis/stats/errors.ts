/** Error codes of the statistical tests and power calculations (src/analysis/stats, src/analysis/power). */
export const statsErrorCodes = {
  NotEnoughObservations: 'A test was given fewer observations than it needs (e.g. fewer than 2 per group for a t-test).',
  DataEssentiallyConstant: 'All values are (nearly) identical, so the standard error is zero and the test is undefined.',
  InvalidArgument: 'An argument is outside its allowed range (conf.level, alternative, a probability, a count).',
  InvalidTable: 'A contingency table is malformed: wrong shape, negative or non-integer counts, or an empty row or column.',
  AllObservationsTied: 'A rank-based confidence interval cannot be computed because all observations are zero or tied.',
  RootNotBracketed: 'A root search was given an interval whose end values do not differ in sign.',
  ExactTooLarge: 'An exact rank distribution was requested for groups too large to enumerate.',
} as const;

export type StatsErrorCode = keyof typeof statsErrorCodes;
