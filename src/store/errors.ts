import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the store area (the catalogue: src/errors/catalogue.ts). */
export const storeErrors = defineErrors('RECORD', {
  NOT_FOUND: { status: 404, doc: 'The record named in the request does not exist (or is not visible to you).' },
  ALREADY_EXISTS: { status: 409, doc: 'A record with the same unique key (code, username, …) already exists.' },
  TRANSITION_NOT_ALLOWED: { status: 409, doc: "The participant's current status does not allow the requested transition." },
  PARTICIPANT_NOT_STARTED: { status: 409, doc: 'The participant has no treatment start date yet, so there is no dosing calendar.' },
  WRITE_CONTENTION: { status: 503, doc: 'Concurrent writes to the same records kept conflicting (serialization failure, deadlock) after bounded retries; nothing was saved, try again.' },
  DOSE_OUTSIDE_CALENDAR: { status: 400, doc: "The dose's study day is not a dosing day of the participant's calendar." },
});
