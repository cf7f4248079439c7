import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the forms area (form definitions, expressions, filled forms, REDCap dictionaries). */
export const formsErrors = defineErrors('FORM', {
  DEFINITION_INVALID: { status: 400, doc: 'A form definition failed validation; the message names the first bad field by its path.' },
  EXPRESSION_INVALID: { status: 422, doc: 'A calculation or branching expression does not parse; the message gives the character where it fails.' },
  EXPRESSION_TYPE_ERROR: { status: 422, doc: 'An expression uses text where it needs a condition (and, or, not, if).' },
  VALUE_MISSING: { status: 400, doc: 'A required item of a form has no value.' },
  VALUE_INVALID: { status: 400, doc: "A form value is not of its item's type (a whole number, a date, one of the codes, a unit the item allows, its decimals)." },
  HARD_RANGE_VIOLATION: { status: 400, doc: 'A form value is outside the hard range of its item, so it is refused.' },
  SOFT_RANGE_UNCONFIRMED: { status: 400, doc: 'A form value is outside the expected (soft) range of its item and was not confirmed with a reason.' },
  CHECK_FAILED: { status: 400, doc: 'An edit check across items of a form does not hold (ALSFRS-R: exactly one of items 5a and 5b).' },
  UNKNOWN_FORM_ITEM: { status: 400, doc: 'A value was given for an item the form does not have.' },
  UNKNOWN_FORM: { status: 404, doc: 'No defined form has the requested id.' },
  NOT_DUE: { status: 400, doc: 'The visit does not list the form among its assessments; the message names the forms due there.' },
  VERSION_UNAVAILABLE: { status: 409, doc: 'Saved values were entered under a version of the form whose definition the study did not keep (saved before versions were kept).' },
  VERSION_CONFLICT: { status: 409, doc: 'A form version that already holds values in the study is given another definition; a changed form needs a new version.' },
  REDCAP_DICTIONARY_INVALID: { status: 400, doc: 'A REDCap data dictionary CSV cannot be imported; the message names the row and column.' },
  REDCAP_EXPORT_UNSUPPORTED: { status: 422, doc: 'A form holds what a REDCap data dictionary cannot (a repeating group, a lookup table).' },
  ROW_COUNT_INVALID: { status: 400, doc: 'A repeating group has fewer or more rows than its definition allows.' },
});
