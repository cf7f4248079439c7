/** Error codes of a participant's enrolment path (see src/server/errors.ts for the catalogue). */
export const enrolmentErrorCodes = {
  EligibilityNeedsScreening: "A participant becomes eligible or ineligible only by a recorded screening decision or an investigator's override with a reason.",
  DateOutOfOrder: "A status date is earlier than the participant's previous status date or birth date, or later than today.",
  ImplausibleBirthDate: 'A birth date is in the future or before 1900.',
  AgeContradictsBirthDate: "The screening's age fact differs from the age the registered birth date gives on the screening date.",
  NoReconsentDue: 'A re-consent is recorded only for a participant in the trial whose latest consent predates the version a re-consent amendment requires.',
} as const;
