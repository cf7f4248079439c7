import { defineErrors } from '../errors/define-errors.js';

/** Stable error codes of the eligibility area (criteria language, facts, bulk screening). */
export const eligibilityErrors = defineErrors('ELIGIBILITY', {
  UNKNOWN_FACT: { status: 422, doc: 'A fact name is not in the fact dictionary.' },
  BAD_EXPRESSION: { status: 400, doc: 'A criteria-language expression does not parse, or names a fact, unit or value the dictionary does not have (the message gives the character).' },
  UNKNOWN_UNIT: { status: 422, doc: 'A value carries a unit that its fact does not accept.' },
  BAD_FACT_VALUE: { status: 422, doc: 'A fact value does not have the type its fact needs (a number, a date, yes/no, a list, an attestation).' },
  BAD_FACTS_FILE: { status: 422, doc: 'A facts document is not a JSON object of fact names to values.' },
  BAD_CRITERIA_TEXT: { status: 422, doc: 'Criteria text has no "Inclusion Criteria" or "Exclusion Criteria" heading, or no criteria under them.' },
  BAD_REFERENCE_DATE: { status: 400, doc: 'A reference date (screening or first dose) is not a calendar date.' },
  UNKNOWN_COLUMN: { status: 422, doc: 'A CSV header names a column that is neither a fact nor an attestation of the protocol.' },
  MISSING_COLUMN: { status: 422, doc: 'A CSV header lacks the patient id column.' },
  UNREADABLE_FILE: { status: 400, doc: 'A criteria, facts or CSV file given on the command line cannot be read.' },
  BAD_CSV: { status: 422, doc: 'A CSV row has more cells than the screener reads (4,096).' },
  BAD_COLUMN_MAP: { status: 422, doc: 'A column map (--map) is not a JSON object of fact names this protocol reads to column names.' },
  UNREADABLE_TABLE: { status: 400, doc: 'The screening table cannot be read: the database cannot be reached, or the table or one of its columns does not exist.' },
  BAD_CRITERIA_FILE: { status: 422, doc: 'A criteria file (eligibility set --criteria) is not a JSON object of criterion ids to expressions (or null).' },
  NO_CORRECTION: { status: 400, doc: 'A correction of criteria names no criterion.' },
  UNKNOWN_CRITERION: { status: 400, doc: 'A correction names a criterion id the protocol does not have.' },
  CORRECTION_NEEDS_AMENDMENT: { status: 400, doc: 'A live study takes a corrected criterion only as an amendment, with an effective date and a reason.' },
  CORRECTION_CONFLICT: { status: 409, doc: 'A design study went live while a correction was being saved; it must be saved again as an amendment.' },
});
