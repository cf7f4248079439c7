import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the evidence area (queries over the review's tables). */
export const evidenceErrors = defineErrors('EVIDENCE', {
  INVALID_DOSE_RANGE: { status: 400, doc: 'A dose range is not two non-negative numbers with min ≤ max, or not written as 1-3.' },
  NO_EVIDENCE_MATCH: { status: 404, doc: "No row of the review's tables matches the disease and dose asked for (the CLI exits non-zero)." },
});

