import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the statistical tests and power calculations (src/analysis/stats, src/analysis/power). */
export const statsErrors = defineErrors('STATS', {
  NOT_ENOUGH_OBSERVATIONS: { status: 400, doc: 'A test was given fewer observations than it needs (e.g. fewer than 2 per group for a t-test).' },
  DATA_ESSENTIALLY_CONSTANT: { status: 400, doc: 'All values are (nearly) identical, so the standard error is zero and the test is undefined.' },
  INVALID_ARGUMENT: { status: 400, doc: 'An argument is outside its allowed range (conf.level, alternative, a probability, a count).' },
  INVALID_TABLE: { status: 400, doc: 'A contingency table is malformed: wrong shape, negative or non-integer counts, or an empty row or column.' },
  ALL_OBSERVATIONS_TIED: { status: 400, doc: 'A rank-based confidence interval cannot be computed because all observations are zero or tied.' },
  ROOT_NOT_BRACKETED: { status: 400, doc: 'A root search was given an interval whose end values do not differ in sign.' },
  EXACT_TOO_LARGE: { status: 400, doc: 'An exact rank distribution was requested for groups too large to enumerate.' },
  UNKNOWN_TEST: { status: 400, doc: 'The stats command was asked for a test it does not know.' },
  OPTION_NOT_APPLICABLE: { status: 400, doc: 'The stats command was given an option the chosen test does not take (--covariance other than with mmrm, --df with a classical test).' },
  CSV_UNREADABLE: { status: 400, doc: 'The CSV file could not be read or parsed.' },
  CSV_COLUMN_MISSING: { status: 400, doc: 'The CSV lacks a column the test needs, or a row leaves it empty.' },
  CSV_VALUE_NOT_NUMERIC: { status: 400, doc: 'A CSV cell that must hold a number holds text.' },
  CSV_VALUE_NOT_BINARY: { status: 400, doc: 'A CSV outcome cell that must be 0/1 (or true/false, yes/no) holds something else.' },
  WRONG_NUMBER_OF_GROUPS: { status: 400, doc: 'A two-group test was given a group column with other than 2 distinct values.' },
  UNPAIRED_OBSERVATION: { status: 400, doc: 'A paired test found an id without exactly one value in each of the two groups.' },
});
