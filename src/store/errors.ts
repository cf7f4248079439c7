/** Error codes of the store area (see src/server/errors.ts for the catalogue). */
export const storeErrorCodes = {
  NotFound: 'The record named in the request does not exist (or is not visible to you).',
  AlreadyExists: 'A record with the same unique key (code, username, …) already exists.',
  TransitionNotAllowed: "The participant's current status does not allow the requested transition.",
  ParticipantNotStarted: 'The participant has no treatment start date yet, so there is no dosing calendar.',
  WriteContention: 'Concurrent writes to the same records kept conflicting (serialization failure, deadlock) after bounded retries; nothing was saved, try again.',
  DoseOutsideCalendar: "The dose's study day is not a dosing day of the participant's calendar.",
} as const;
