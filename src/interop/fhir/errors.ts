import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the FHIR R4 interop (a patient's EHR Bundle read as screening facts). */
export const fhirErrors = defineErrors('FHIR', {
  BUNDLE_MALFORMED: {
    status: 422,
    doc: "A patient's FHIR Bundle is not a Bundle resource (no resourceType Bundle, no entry list, an entry without a resource, two Patients); the message names the entry and field.",
  },
  UNKNOWN_RESOURCE_TYPE: {
    status: 422,
    doc: "An entry of a patient's FHIR Bundle has a resourceType that is not a FHIR R4 resource a patient record holds; the message names the entry.",
  },
});
