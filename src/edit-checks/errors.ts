/** Error codes of the edit checks at the boundary (see src/server/errors.ts for the catalogue). */
export const editCheckErrorCodes = {
  ImplausibleDate: "A date lies outside the trial's plausible range (before the participant's birth, or after today); `path` names the field.",
  ValueBeyondHardLimit: 'A laboratory value is not a finite number within the physiological hard limit of its analyte; `path` names it.',
  UnknownQueryField: 'A data query names a field that is not an item of that visit’s form.',
} as const;
