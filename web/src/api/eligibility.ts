import type { z } from 'zod';
import { request } from '../api.js';
import type { criteriaCorrectionsBody, criterionPreview, criterionPreviewBody, validatedExpression } from '../../../src/api/eligibility.js';
import type { CriterionReadings } from '../../../src/eligibility/criterion-readings.js';
import type { FactDefinition } from '../../../src/eligibility/fact-definition.js';
import type { CorrectionResult } from '../../../src/use-cases/correct-criterion.js';

/** GET /api/studies/:id/eligibility/corrections: each protocol line with its parse and its saved correction. */
export interface CriteriaCorrections {
  readonly studyId: string;
  readonly status: 'design' | 'live';
  readonly protocolVersion: string;
  readonly criteria: readonly CriterionReadings[];
  readonly facts: readonly FactDefinition[];
}

/** An expression that parses: how the language prints it back, and the facts a preview needs (the API's contract). */
export type ValidExpression = z.output<typeof validatedExpression>;

/** A sample patient to try an expression on: facts as typed ("2024-01-31", "no", "72 kg"). */
export type PreviewInput = z.input<typeof criterionPreviewBody>;

/** The criterion on the sample patient: met, not met or unknown, with the facts used. */
export type Preview = z.output<typeof criterionPreview>;

/** Criterion id → expression, or null to go back to the parse of the text. */
export type SaveInput = z.input<typeof criteriaCorrectionsBody>;

const e = encodeURIComponent;
const criterionUrl = (studyId: string, criterionId: string) => `/api/studies/${e(studyId)}/eligibility/criteria/${e(criterionId)}`;

export const eligibilityApi = {
  corrections: (studyId: string) => request<CriteriaCorrections>('GET', `/api/studies/${e(studyId)}/eligibility/corrections`),
  validate: (studyId: string, criterionId: string, expression: string) => request<ValidExpression>('POST', `${criterionUrl(studyId, criterionId)}/validate`, { expression }),
  preview: (studyId: string, criterionId: string, input: PreviewInput) => request<Preview>('POST', `${criterionUrl(studyId, criterionId)}/preview`, input),
  save: (studyId: string, input: SaveInput) => request<CorrectionResult>('PUT', `/api/studies/${e(studyId)}/eligibility/corrections`, input),
};
