import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the database lock (the catalogue: src/errors/catalogue.ts). */
export const lockErrors = defineErrors('LOCK', {
  STUDY_LOCKED: { status: 409, doc: "The study's database is locked: its clinical data can no longer be written." },
  NOT_LOCKED: { status: 409, doc: 'The request needs a locked study (a report by arm, for instance).' },
  ALREADY_LOCKED: { status: 409, doc: 'The study is already locked; a lock happens once.' },
});
