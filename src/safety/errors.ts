import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the safety rules (the catalogue: src/errors/catalogue.ts). */
export const safetyErrors = defineErrors('SAFETY', {
  INCONSISTENT_ADVERSE_EVENT: {
    status: 400,
    doc: 'The adverse event would contradict itself once saved (seriousness without its criteria, grade 5 not serious with death, an end before the onset, a confirmed event without relatedness); `path` names the field.',
  },
});
