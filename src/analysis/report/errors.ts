import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the study report. */
export const reportErrors = defineErrors('REPORT', {
  CHROMIUM_MISSING: { status: 503, doc: "The report cannot be printed as PDF: Debian's Chromium (/usr/bin/chromium) is not installed." },
});
