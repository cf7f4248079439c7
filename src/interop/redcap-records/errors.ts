import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of REDCap flat record files (export and import). */
export const redcapRecordErrors = defineErrors('REDCAP_RECORDS', {
  INVALID: { status: 400, doc: 'A REDCap records CSV cannot be imported; the message names the row and column (the header is row 1). Nothing is written.' },
  CONFLICT: { status: 409, doc: 'A REDCap records CSV holds a record the study already has, or a value the entry rules refuse; the message names the row and column. Nothing is written.' },
  REFUSED: { status: 422, doc: 'A value of a REDCap records CSV is refused by the entry rules (a range, a missing item, a date); the message names the row and column. Nothing is written.' },
  UNREADABLE: { status: 400, doc: 'The REDCap records file given to `il2trials import redcap` cannot be read (missing, a directory, no permission).' },
});
