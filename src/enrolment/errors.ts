import { defineErrors } from '../errors/define-errors.js';

/** Error codes of a participant's enrolment path (the catalogue: src/errors/catalogue.ts). */
export const enrolmentErrors = defineErrors('ENROLMENT', {
  ELIGIBILITY_NEEDS_SCREENING: { status: 409, doc: "A participant becomes eligible or ineligible only by a recorded screening decision or an investigator's override with a reason." },
  DATE_OUT_OF_ORDER: { status: 400, doc: "A status date is earlier than the participant's previous status date or birth date, or later than today." },
  IMPLAUSIBLE_BIRTH_DATE: { status: 400, doc: 'A birth date is in the future or before 1900.' },
  AGE_CONTRADICTS_BIRTH_DATE: { status: 400, doc: "The screening's age fact differs from the age the registered birth date gives on the screening date." },
  NO_RECONSENT_DUE: { status: 409, doc: 'A re-consent is recorded only for a participant in the trial whose latest consent predates the version a re-consent amendment requires.' },
});
