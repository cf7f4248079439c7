import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the edit checks at the boundary (the catalogue: src/errors/catalogue.ts). */
export const editCheckErrors = defineErrors('EDIT_CHECK', {
  IMPLAUSIBLE_DATE: { status: 400, doc: "A date lies outside the trial's plausible range (before the participant's birth, or after today); `path` names the field." },
  VALUE_BEYOND_HARD_LIMIT: { status: 400, doc: 'A laboratory value is not a finite number within the physiological hard limit of its analyte; `path` names it.' },
  UNKNOWN_QUERY_FIELD: { status: 400, doc: 'A data query names a field that is not an item of that visit’s form.' },
});
