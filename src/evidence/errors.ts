/** Error codes of the evidence area (queries over the review's tables). */
export const evidenceErrorCodes = {
  InvalidDoseRange: 'A dose range is not two non-negative numbers with min ≤ max.',
} as const;

export type EvidenceErrorCode = keyof typeof evidenceErrorCodes;
