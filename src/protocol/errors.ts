import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the protocol area (protocol files, built-in protocols, dosing calendars). */
export const protocolErrors = defineErrors('PROTOCOL', {
  INVALID_PROTOCOL: { status: 422, doc: 'A protocol failed validation; the message names the first bad field by its path.' },
  UNKNOWN_ASSESSMENT: { status: 422, doc: 'A protocol names an assessment or outcome instrument the platform cannot record; the message names it and its path.' },
  FILE_UNREADABLE: { status: 400, doc: 'A protocol file cannot be read or is not JSON.' },
  SOURCE_REQUIRED: { status: 400, doc: 'A calendar needs exactly one of a built-in protocol id or a protocol file.' },
  INVALID_BODY_SIZE: { status: 400, doc: 'A body surface area or body weight given for dosing is not a positive number.' },
  INVALID_HOLD: { status: 400, doc: 'A dose hold given on the command line is not written DAY:REASON.' },
  UNKNOWN_PROTOCOL: { status: 404, doc: 'No built-in protocol has the requested id; the message lists the known ids.' },
  UNKNOWN_ARM: { status: 404, doc: 'The protocol has no arm with the requested id; the message lists its arms.' },
  INVALID_START_DATE: { status: 400, doc: 'A calendar start date is not a real calendar date written YYYY-MM-DD.' },
  BODY_SURFACE_REQUIRED: { status: 400, doc: 'A regimen dosed per m² of body surface needs the body surface area (m²).' },
  WEIGHT_REQUIRED: { status: 400, doc: 'A regimen dosed per kg of body weight needs the body weight (kg).' },
  MIXED_DOSE_UNITS: { status: 422, doc: "An arm's doses do not share one unit, so they cannot be added up." },
  HOLD_NOT_ON_DOSE_DAY: { status: 400, doc: 'A dose hold names a study day on which no dose is due.' },
  HOLD_SHIFT_COLLIDES: { status: 409, doc: 'Shifting the rest of a cycle after a held dose would reach the next cycle.' },
});
