import type { AppError } from '../errors/app-error.js';
import { defineErrors, type ErrorEntry } from '../errors/define-errors.js';

/** Error codes thrown by the interop area (CDISC exports and the ODM import). */
export const interopErrors = defineErrors('INTEROP', {
  XPT_NAME_INVALID: { status: 400, doc: 'A SAS transport data set or variable name is not 1–8 upper-case letters, digits or underscores starting with a letter or underscore.' },
  XPT_LABEL_INVALID: { status: 400, doc: 'A SAS transport label is longer than 40 characters or not plain ASCII.' },
  XPT_LENGTH_INVALID: { status: 400, doc: 'A character variable of a SAS transport file is declared longer than 200 bytes or shorter than 1.' },
  XPT_VALUE_INVALID: { status: 400, doc: 'A value does not fit its SAS transport variable (text longer than the variable, text in a numeric variable, a number out of IBM range).' },
  DATASET_RECORDS_MISMATCH: { status: 500, doc: 'A dataset file announced a number of records other than the rows written (an exporter fault; nothing is kept).' },
  ODM_INVALID: { status: 422, doc: 'An ODM file given for import is not well-formed or misses a required element or attribute; the message names the element and its OID.' },
  ODM_UNKNOWN_REFERENCE: { status: 422, doc: 'An ODM file refers to an OID (study event, form, item, user, location) that its metadata does not define.' },
  ODM_FILE_UNREADABLE: { status: 400, doc: 'The ODM file given to `il2trials import odm` cannot be read (missing, a directory, no permission).' },
  ODM_CONFLICT: { status: 409, doc: 'An ODM file cannot be imported into the target study (the study already holds data, or the protocol differs).' },
});

const odmEntries: ReadonlySet<ErrorEntry> = new Set([interopErrors.ODM_INVALID, interopErrors.ODM_UNKNOWN_REFERENCE, interopErrors.ODM_FILE_UNREADABLE, interopErrors.ODM_CONFLICT]);

/** Whether an error is about the ODM file itself (its own entries), not a rule the import ran into. */
export const isOdmError = (e: AppError): boolean => odmEntries.has(e.entry);
