import { request } from '../api.js';
import type { FormDefinition } from '../../../src/forms/definition.js';
import type { SavedFormValues } from '../../../src/use-cases/save-form-values.js';

/** A defined form at a visit, as GET …/forms/:formId answers: its definition and what is saved (null: nothing yet). */
export interface VisitFormValues {
  readonly visitId: string;
  readonly form: FormDefinition;
  readonly saved: { readonly date: string; readonly formVersion: string; readonly values: Record<string, unknown> } | null;
}

export interface FormSaveBody {
  readonly date: string;
  readonly values: Record<string, unknown>;
  readonly confirmations?: Record<string, string>;
  readonly reason?: string;
}

const e = encodeURIComponent;
const url = (participantId: string, visitId: string, formId: string) => `/api/participants/${e(participantId)}/visits/${e(visitId)}/forms/${e(formId)}`;

export const formsApi = {
  visitForm: (participantId: string, visitId: string, formId: string) => request<VisitFormValues>('GET', url(participantId, visitId, formId)),
  saveVisitForm: (participantId: string, visitId: string, formId: string, body: FormSaveBody) => request<SavedFormValues>('POST', url(participantId, visitId, formId), body),
};
