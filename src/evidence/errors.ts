import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the evidence area (queries over the review's tables). */
export const evidenceErrors = defineErrors('EVIDENCE', {
  INVALID_DOSE_RANGE: { status: 400, doc: 'A dose range is not two non-negative numbers with min ≤ max, or not written as 1-3.' },
  INVALID_SAMPLE_SIZE_ARGUMENT: { status: 400, doc: 'The alpha or power is not strictly between 0 and 1, or the allocation ratio is not a positive number.' },
  NO_REPORTED_EFFECT: { status: 404, doc: 'No reported effect matches the id or disease asked for a sample size.' },
  AMBIGUOUS_REPORTED_EFFECT: { status: 400, doc: 'Several reported effects match the disease asked for a sample size; the message lists their ids to choose one.' },
  NO_EVIDENCE_MATCH: { status: 404, doc: "No row of the review's tables matches the disease and dose asked for (the CLI exits non-zero)." },
});
