/** Error codes of the forms area (form definitions, expressions, filled forms, REDCap dictionaries). */
export const formsErrorCodes = {
  FormDefinitionInvalid: 'A form definition failed validation; the message names the first bad field by its path.',
  ExpressionInvalid: 'A calculation or branching expression does not parse; the message gives the character where it fails.',
  ExpressionTypeError: 'An expression uses text where it needs a condition (and, or, not, if).',
  FormValueMissing: 'A required item of a form has no value.',
  FormValueInvalid: 'A form value is not of its item\'s type (a whole number, a date, one of the codes, a unit the item allows, its decimals).',
  HardRangeViolation: 'A form value is outside the hard range of its item, so it is refused.',
  SoftRangeUnconfirmed: 'A form value is outside the expected (soft) range of its item and was not confirmed with a reason.',
  FormCheckFailed: 'An edit check across items of a form does not hold (ALSFRS-R: exactly one of items 5a and 5b).',
  UnknownFormItem: 'A value was given for an item the form does not have.',
  UnknownForm: 'No defined form has the requested id.',
  FormNotDue: 'The visit does not list the form among its assessments; the message names the forms due there.',
  FormVersionUnavailable: 'Saved values were entered under a version of the form whose definition the study did not keep (saved before versions were kept).',
  FormVersionConflict: 'A form version that already holds values in the study is given another definition; a changed form needs a new version.',
  RedcapDictionaryInvalid: 'A REDCap data dictionary CSV cannot be imported; the message names the row and column.',
  RedcapExportUnsupported: 'A form holds what a REDCap data dictionary cannot (a repeating group, a lookup table).',
  RowCountInvalid: 'A repeating group has fewer or more rows than its definition allows.',
} as const;

export type FormsErrorCode = keyof typeof formsErrorCodes;
