/** Error codes thrown by the instruments area (scores, CTCAE lab grading, immune panels, dose holds, visit forms). */
export const instrumentsErrorCodes = {
  UnknownInstrument: 'The instrument id is not one of the registered instruments.',
  ItemMissing: 'A required item of an instrument has no value.',
  ItemNotANumber: 'An item value is not a finite number.',
  ItemOutOfRange: 'An item value is outside the values the instrument allows for it.',
  UnknownItem: 'A value was given for an item the instrument does not have.',
  ItemAlternativeConflict: 'Values were given for two items of which exactly one must be scored (ALSFRS-R 5a/5b).',
  InvalidDate: 'A date is not a valid ISO calendar date (YYYY-MM-DD).',
  DateOrderInvalid: 'A date falls before the date it must follow (e.g. assessment before symptom onset).',
  ResponderInputInvalid: 'An input of a responder definition (SRI-4) is missing or outside its scale.',
  UnknownAnalyte: 'The laboratory analyte is not one the CTCAE grading knows.',
  UnitNotSupported: 'The unit is not supported for that analyte.',
  LabValueInvalid: 'A laboratory value, reference limit or baseline is not a finite non-negative number.',
  PanelValueInvalid: 'An immune-panel percentage is outside 0–100 or an absolute count is not a finite non-negative number.',
  ItemsFileInvalid: 'The items file given to `il2trials score --items` cannot be read, is not JSON, or is not an object of item id to value.',
  HoldRuleInvalid: 'A dose-hold rule or one of its inputs is inconsistent.',
} as const;

export type InstrumentsErrorCode = keyof typeof instrumentsErrorCodes;
