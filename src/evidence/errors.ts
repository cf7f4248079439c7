/** Error codes of the evidence area (queries over the review's tables). */
export const evidenceErrorCodes = {
  InvalidDoseRange: 'A dose range is not two non-negative numbers with min ≤ max, or not written as 1-3.',
  NoEvidenceMatch: "No row of the review's tables matches the disease and dose asked for (the CLI exits non-zero).",
} as const;

export type EvidenceErrorCode = keyof typeof evidenceErrorCodes;
