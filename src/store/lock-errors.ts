/** Error codes of the database lock (see src/server/errors.ts for the catalogue). */
export const lockErrorCodes = {
  StudyLocked: "The study's database is locked: its clinical data can no longer be written.",
  NotLocked: 'The request needs a locked study (a report by arm, for instance).',
  AlreadyLocked: 'The study is already locked; a lock happens once.',
} as const;
