import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the ClinicalTrials.gov (API v2) import and results export. */
export const ctgovErrors = defineErrors('CTGOV', {
  FILE_UNREADABLE: { status: 400, doc: 'The ClinicalTrials.gov study file given to `il2trials import ctgov` cannot be read (missing, a directory, no permission).' },
  RECORD_MALFORMED: { status: 422, doc: 'A ClinicalTrials.gov study record is not JSON (a truncated file, a stray character); the message names the line and column.' },
  RECORD_INCOMPLETE: {
    status: 422,
    doc: 'A ClinicalTrials.gov study record lacks what a protocol cannot do without (the protocolSection, the NCT id, a title, a condition, the arm groups); the message names the field.',
  },
  RESULTS_MALFORMED: { status: 422, doc: "A ClinicalTrials.gov record's resultsSection lacks a field the results reader needs or refers to a group it does not define; the message names the field." },
  STUDY_NOT_LOCKED: { status: 409, doc: 'ClinicalTrials.gov results are written only from a locked study (the database lock comes first).' },
});
