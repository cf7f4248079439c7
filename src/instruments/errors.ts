import { defineErrors } from '../errors/define-errors.js';

/** Error codes thrown by the instruments area (scores, CTCAE lab grading, immune panels, dose holds, visit forms). */
export const instrumentsErrors = defineErrors('INSTRUMENT', {
  UNKNOWN_INSTRUMENT: { status: 404, doc: 'The instrument id is not one of the registered instruments.' },
  ITEM_MISSING: { status: 400, doc: 'A required item of an instrument has no value.' },
  ITEM_NOT_A_NUMBER: { status: 400, doc: 'An item value is not a finite number.' },
  ITEM_OUT_OF_RANGE: { status: 400, doc: 'An item value is outside the values the instrument allows for it.' },
  UNKNOWN_ITEM: { status: 400, doc: 'A value was given for an item the instrument does not have.' },
  ITEM_ALTERNATIVE_CONFLICT: { status: 400, doc: 'Values were given for two items of which exactly one must be scored (ALSFRS-R 5a/5b).' },
  INVALID_DATE: { status: 400, doc: 'A date is not a valid ISO calendar date (YYYY-MM-DD).' },
  DATE_ORDER_INVALID: { status: 422, doc: 'A date falls before the date it must follow (e.g. assessment before symptom onset).' },
  RESPONDER_INPUT_INVALID: { status: 422, doc: 'An input of a responder definition (SRI-4) is missing or outside its scale.' },
  UNKNOWN_ANALYTE: { status: 422, doc: 'The laboratory analyte is not one the CTCAE grading knows.' },
  UNIT_NOT_SUPPORTED: { status: 422, doc: 'The unit is not supported for that analyte.' },
  LAB_VALUE_INVALID: { status: 400, doc: 'A laboratory value, reference limit or baseline is not a finite non-negative number.' },
  PANEL_VALUE_INVALID: { status: 422, doc: 'An immune-panel percentage is outside 0–100 or an absolute count is not a finite non-negative number.' },
  ITEMS_FILE_INVALID: { status: 400, doc: 'The items file given to `il2trials score --items` cannot be read, is not JSON, or is not an object of item id to value.' },
  HOLD_RULE_INVALID: { status: 422, doc: 'A dose-hold rule or one of its inputs is inconsistent.' },
});
