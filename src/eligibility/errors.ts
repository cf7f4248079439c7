/** Stable error codes of the eligibility area (criteria language, facts, bulk screening). */
export const eligibilityErrorCodes = {
  UnknownFact: 'A fact name is not in the fact dictionary.',
  BadExpression: 'A criteria-language expression does not parse, or names a fact, unit or value the dictionary does not have (the message gives the character).',
  UnknownUnit: 'A value carries a unit that its fact does not accept.',
  BadFactValue: 'A fact value does not have the type its fact needs (a number, a date, yes/no, a list, an attestation).',
  BadFactsFile: 'A facts document is not a JSON object of fact names to values.',
  BadCriteriaText: 'Criteria text has no "Inclusion Criteria" or "Exclusion Criteria" heading, or no criteria under them.',
  BadReferenceDate: 'A reference date (screening or first dose) is not a calendar date.',
  UnknownColumn: 'A CSV header names a column that is neither a fact nor an attestation of the protocol.',
  MissingColumn: 'A CSV header lacks the patient id column.',
  UnreadableFile: 'A criteria, facts or CSV file given on the command line cannot be read.',
  BadCsv: 'A CSV row has more cells than the screener reads (4,096).',
  BadColumnMap: 'A column map (--map) is not a JSON object of fact names this protocol reads to column names.',
  UnreadableTable: 'The screening table cannot be read: the database cannot be reached, or the table or one of its columns does not exist.',
  BadCriteriaFile: 'A criteria file (eligibility set --criteria) is not a JSON object of criterion ids to expressions (or null).',
  NoCorrection: 'A correction of criteria names no criterion.',
  UnknownCriterion: 'A correction names a criterion id the protocol does not have.',
  CorrectionNeedsAmendment: 'A live study takes a corrected criterion only as an amendment, with an effective date and a reason.',
  CorrectionConflict: 'A design study went live while a correction was being saved; it must be saved again as an amendment.',
} as const;

export type EligibilityErrorCode = keyof typeof eligibilityErrorCodes;
