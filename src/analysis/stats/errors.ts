/** Error codes of the statistical tests and power calculations (src/analysis/stats, src/analysis/power). */
export const statsErrorCodes = {
  NotEnoughObservations: 'A test was given fewer observations than it needs (e.g. fewer than 2 per group for a t-test).',
  DataEssentiallyConstant: 'All values are (nearly) identical, so the standard error is zero and the test is undefined.',
  InvalidArgument: 'An argument is outside its allowed range (conf.level, alternative, a probability, a count).',
  InvalidTable: 'A contingency table is malformed: wrong shape, negative or non-integer counts, or an empty row or column.',
  AllObservationsTied: 'A rank-based confidence interval cannot be computed because all observations are zero or tied.',
  RootNotBracketed: 'A root search was given an interval whose end values do not differ in sign.',
  ExactTooLarge: 'An exact rank distribution was requested for groups too large to enumerate.',
  UnknownTest: 'The stats command was asked for a test it does not know.',
  OptionNotApplicable: 'The stats command was given an option the chosen test does not take (--covariance other than with mmrm, --df with a classical test).',
  CsvUnreadable: 'The CSV file could not be read or parsed.',
  CsvColumnMissing: 'The CSV lacks a column the test needs, or a row leaves it empty.',
  CsvValueNotNumeric: 'A CSV cell that must hold a number holds text.',
  CsvValueNotBinary: 'A CSV outcome cell that must be 0/1 (or true/false, yes/no) holds something else.',
  WrongNumberOfGroups: 'A two-group test was given a group column with other than 2 distinct values.',
  UnpairedObservation: 'A paired test found an id without exactly one value in each of the two groups.',
} as const;

export type StatsErrorCode = keyof typeof statsErrorCodes;
