/** Error codes of the evidence area (queries over the review's tables). */
export const evidenceErrorCodes = {
  InvalidDoseRange: 'A dose range is not two non-negative numbers with min ≤ max, or not written as 1-3.',
  InvalidSampleSizeArgument: 'alpha or power not strictly between 0 and 1, or an allocation ratio that is not a positive number.',
  NoReportedEffect: 'No reported effect (or more than one) matches the id or disease asked for a sample size.',
  NoEvidenceMatch: "No row of the review's tables matches the disease and dose asked for (the CLI exits non-zero).",
} as const;

export type EvidenceErrorCode = keyof typeof evidenceErrorCodes;
